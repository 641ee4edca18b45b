import type { IsoDate } from '../time/calendar-date.ts';

export type FigureSourceKind = 'un-report' | 'national' | 'estimate' | 'press';

/** Where a figure comes from; `publisher` and `readOn` say who published the page at `url` and when it was read. */
export interface FigureSource {
  readonly kind: FigureSourceKind;
  readonly ref?: string;
  readonly url?: string;
  readonly publisher?: string;
  readonly readOn?: IsoDate;
}

/** A reported number: either one value or a range (China's 50,000–80,000 workers). */
export type FigureAmount = { readonly value: number } | { readonly low: number; readonly high: number };

export type Figure = FigureAmount & {
  /** ISO alpha-2 of the state the figure is about, or `world` (WORLD) for a worldwide figure. */
  readonly state: string;
  /** Metric slug from the catalogue, e.g. `work-permits.valid`. */
  readonly metric: string;
  /** Unit, e.g. `persons`, `permits`, `USD`. */
  readonly unit: string;
  /** The day the figure describes. */
  readonly asOf: IsoDate;
  readonly source: FigureSource;
  readonly note?: string;
  /** When it was recorded here (ISO-8601 instant). */
  readonly recordedAt: string;
};

/** An entry of the metrics catalogue. */
export interface Metric {
  /** Dotted lowercase slug, e.g. `workers.remaining`. */
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly description: string;
}

/** The metric whose latest value of 0 means a state has met the repatriation obligation. */
export const WORKERS_REMAINING = 'workers.remaining';
