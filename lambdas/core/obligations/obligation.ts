import type { IsoDate } from '../time/calendar-date.ts';
import { firstDueDate, type ObligationDue } from './obligation-due.ts';
import type { QuoteLanguage } from './quote-language.ts';

export type ObligationKind = 'report' | 'action';

export type ObligationScope = { readonly scope: 'all' } | { readonly scope: 'group'; readonly groupId: string };

/** Where the obligation's words stand: the document symbol (e.g. `S/RES/2397 (2017)`) and, where known, a link. */
export interface ObligationSource {
  readonly document: string;
  readonly url?: string;
}

/** What an admin, or the registry, states about an obligation; the first due date follows from it. */
export interface ObligationDefinition {
  /** Lowercase slug, e.g. `2397-p8-midterm`. */
  readonly id: string;
  /** Resolution number, e.g. `2397`. */
  readonly resolution: string;
  readonly paragraph: string;
  readonly title: string;
  readonly description: string;
  readonly kind: ObligationKind;
  /** The day the Security Council adopted the resolution. */
  readonly adoptedOn: IsoDate;
  readonly due: ObligationDue;
  readonly appliesTo: ObligationScope;
  readonly source: ObligationSource;
  /** The committee the reports go to, by its founding resolution, e.g. `1718`. */
  readonly committee?: string;
  /** The sanctions regime, a slug, e.g. `dprk`. */
  readonly regime?: string;
  /** The paragraph's words, quoted from `source.url`. */
  readonly quote?: string;
  /** The language of `quote` when it is not English; absent, the quote is English. */
  readonly quoteLanguage?: QuoteLanguage;
  /** "Within N months" of adoption, as obligations were first defined; kept on those that have it. */
  readonly dueOffsetMonths?: number;
  /**
   * False when this service keeps no record of the states' reports on the duty (most of the
   * registry): a passed deadline then shows as `unrecorded`, never as `overdue`, since a state
   * may well have reported. Absent: reports are recorded, as for every obligation an admin adds.
   */
  readonly reportsRecorded?: boolean;
}

export interface Obligation extends ObligationDefinition {
  /** Last day (UTC) on which the first (or only) report or action is on time; none without a fixed deadline. */
  readonly dueDate?: IsoDate;
}

/** An obligation defined the first way: due once, `dueOffsetMonths` after adoption. */
export type MonthsAfterAdoptionDefinition = Omit<ObligationDefinition, 'due' | 'dueOffsetMonths'> & {
  readonly dueOffsetMonths: number;
};

/** An obligation with its first due date worked out; one due N months after adoption always has one. */
export function defineObligation(definition: MonthsAfterAdoptionDefinition): Obligation & { readonly dueDate: IsoDate };
export function defineObligation(definition: ObligationDefinition): Obligation;
export function defineObligation(definition: ObligationDefinition | MonthsAfterAdoptionDefinition): Obligation {
  const full: ObligationDefinition =
    'due' in definition ? definition : { ...definition, due: dueMonthsAfterAdoption(definition.dueOffsetMonths) };
  const dueDate = firstDueDate(full.due, full.adoptedOn);
  return dueDate === undefined ? full : { ...full, dueDate };
}

/** A duty due "within N months" of adoption: how every obligation was defined before due rules. */
export const dueMonthsAfterAdoption = (months: number): ObligationDue => ({
  type: 'once',
  within: { months },
  trigger: { from: 'adoption' },
});

export const appliesToAllStates = { scope: 'all' } as const satisfies ObligationScope;

/** Earliest deadline first, those without one last; ties by id, so listings are stable. */
export const byDeadline = (a: Pick<Obligation, 'id' | 'dueDate'>, b: Pick<Obligation, 'id' | 'dueDate'>): number =>
  (a.dueDate ?? '\uffff').localeCompare(b.dueDate ?? '\uffff') || a.id.localeCompare(b.id);
