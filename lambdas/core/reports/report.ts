import type { IsoDate } from '../time/calendar-date.ts';

/** A state's report on an obligation, as an admin records it. */
export interface Report {
  /** ISO 3166-1 alpha-2 code of the reporting member state. */
  readonly state: string;
  readonly obligationId: string;
  /** The date on the report. */
  readonly reportDate: IsoDate;
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
  /** When it was recorded here (ISO-8601 instant). */
  readonly recordedAt: string;
}

/** The day a report counts as submitted: when the Committee got it, else the date it bears. */
export const submittedOn = (report: Pick<Report, 'receivedOn' | 'reportDate'>): IsoDate =>
  report.receivedOn ?? report.reportDate;
