import { createHash } from 'node:crypto';
import type { IsoDate } from '../time/calendar-date.ts';

/**
 * The event id for a dedup key: base64url of the first 16 bytes of its SHA-256, 22 characters.
 * Derived rather than random so a retried run produces the same id for the same fact.
 */
export const alertEventId = (dedupKey: string): string =>
  createHash('sha256').update(dedupKey, 'utf8').digest().subarray(0, 16).toString('base64url');

/**
 * The one spelling of each dedup key. Every key carries the due date, so moving a deadline
 * makes its alerts new facts instead of duplicates of the old ones.
 */
export const dedupKeys = {
  deadlineApproaching: (obligationId: string, dueDate: IsoDate, threshold: number): string =>
    `deadline.approaching:${obligationId}:${dueDate}:${threshold}`,
  reportOverdue: (obligationId: string, dueDate: IsoDate, alpha2: string): string =>
    `report.overdue:${obligationId}:${dueDate}:${alpha2}`,
  deadlinePassed: (obligationId: string, dueDate: IsoDate): string => `deadline.passed:${obligationId}:${dueDate}`,
  /** One report: a state reports on an obligation once per report date. */
  reportReceived: (alpha2: string, obligationId: string, reportDate: IsoDate): string =>
    `report.received:${alpha2}:${obligationId}:${reportDate}`,
  /** One write of a latest figure, told apart by when it was recorded. */
  figureChanged: (alpha2: string, metric: string, asOf: IsoDate, recordedAt: string): string =>
    `figure.changed:${alpha2}:${metric}:${asOf}:${recordedAt}`,
  /** One document: a symbol is stored, and proposed, once. */
  sourceProposal: (symbol: string): string => `source.proposal:${symbol}`,
} as const;
