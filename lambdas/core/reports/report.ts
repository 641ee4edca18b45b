import type { IsoDate } from '../time/calendar-date.ts';

/**
 * How exactly a source dates a report. Absent or `day`: the day itself. `month`: the source gives
 * only the month, and `reportDate` holds its last day. `on-or-before`: the source only shows the
 * report existed by then (a count, a page read that day), and `reportDate` holds that day. Either
 * way the stored day is the latest the source allows, so a count never runs ahead of the record.
 */
export type ReportDateAccuracy = 'day' | 'month' | 'on-or-before';

/** Where the record of a report comes from: a UN document, or the press reading the Committee's page. */
export interface ReportSource {
  readonly kind: 'un-document' | 'press';
  readonly publisher: string;
  /** The page read (https). */
  readonly url: string;
  /** The day it was read. */
  readonly readOn: IsoDate;
}

/** A state's report on an obligation, as an admin records it. */
export interface Report {
  /** ISO 3166-1 alpha-2 code of the reporting member state. */
  readonly state: string;
  readonly obligationId: string;
  /** The date on the report. */
  readonly reportDate: IsoDate;
  readonly dateAccuracy?: ReportDateAccuracy;
  /** When the Committee received it, where known. */
  readonly receivedOn?: IsoDate;
  /** When it appeared on the Committee's website; publication lags and never makes a state overdue. */
  readonly publishedOn?: IsoDate;
  /** false: submitted, but the state asked the Committee not to publish it (China, 2019). */
  readonly public: boolean;
  /** UN document symbol, e.g. S/AC.49/2019/24. */
  readonly symbol?: string;
  readonly url?: string;
  readonly note?: string;
  /** Who says the report exists, where, read when. */
  readonly source?: ReportSource;
  /** When it was recorded here (ISO-8601 instant). */
  readonly recordedAt: string;
}

/** The day a report counts as submitted: when the Committee got it, else the date it bears. */
export const submittedOn = (report: Pick<Report, 'receivedOn' | 'reportDate'>): IsoDate =>
  report.receivedOn ?? report.reportDate;
