import type { ReportDateAccuracy } from '../reports/report.ts';
import type { IsoDate } from '../time/calendar-date.ts';

/** Set when the source dates the report less exactly than a day: `submittedOn` is then the latest day it allows. */
type Accuracy = { readonly dateAccuracy?: Exclude<ReportDateAccuracy, 'day'> };

/**
 * Where a state stands on one obligation at one instant.
 * Report obligations: not-due → due-soon → overdue, or submitted / submitted-late /
 * submitted-not-public. Action obligations (repatriation): not-due → due-soon → deadline-passed,
 * or met once the state's latest `workers.remaining` figure is 0. Open-ended duties: open until
 * a report is in (or the action met), never overdue. Duties whose reports the service does not
 * record: unrecorded once the deadline passes with none on file, never overdue.
 */
export type ObligationStatus =
  | { readonly status: 'not-applicable' }
  /** An open-ended duty with nothing received yet: owed, but never overdue. */
  | { readonly status: 'open' }
  | { readonly status: 'not-due'; readonly daysUntilDue: number }
  | { readonly status: 'due-soon'; readonly daysUntilDue: number }
  | ({ readonly status: 'submitted'; readonly submittedOn: IsoDate } & Accuracy)
  | ({ readonly status: 'submitted-late'; readonly submittedOn: IsoDate; readonly daysLate: number } & Accuracy)
  | ({ readonly status: 'submitted-not-public'; readonly submittedOn: IsoDate; readonly daysLate: number } & Accuracy)
  | { readonly status: 'overdue'; readonly daysOverdue: number }
  | { readonly status: 'deadline-passed'; readonly daysPassed: number }
  /** The deadline passed, and nothing is on file because the service keeps no record of these reports. */
  | { readonly status: 'unrecorded'; readonly daysSinceDue: number }
  | { readonly status: 'met'; readonly metOn: IsoDate };

export type ObligationStatusName = ObligationStatus['status'];

export const obligationStatusNames: readonly ObligationStatusName[] = [
  'not-applicable',
  'open',
  'not-due',
  'due-soon',
  'submitted',
  'submitted-late',
  'submitted-not-public',
  'overdue',
  'deadline-passed',
  'unrecorded',
  'met',
];

/** Statuses under which a state owes nothing more on the obligation. */
const settledStatuses: ReadonlySet<ObligationStatusName> = new Set([
  'submitted',
  'submitted-late',
  'submitted-not-public',
  'met',
]);

/** Whether the state is known to owe the obligation: it applies, and has neither reported nor met it on the record. */
export const isStillOwed = (status: ObligationStatusName): boolean =>
  status !== 'not-applicable' && status !== 'unrecorded' && !settledStatuses.has(status);
