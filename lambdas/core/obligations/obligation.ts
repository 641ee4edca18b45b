import { addMonths, type IsoDate } from '../time/calendar-date.ts';

export type ObligationKind = 'report' | 'action';

export type ObligationScope = { readonly scope: 'all' } | { readonly scope: 'group'; readonly groupId: string };

/** What an admin states about an obligation; the due date follows from it. */
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
  /** "Within N months" of adoption. */
  readonly dueOffsetMonths: number;
  readonly appliesTo: ObligationScope;
  /** Where the obligation's text stands: the document symbol and, where known, a link. */
  readonly source: { readonly document: string; readonly url?: string };
}

export interface Obligation extends ObligationDefinition {
  /** Last day (UTC) on which the obligation is still met on time. */
  readonly dueDate: IsoDate;
}

export const defineObligation = (definition: ObligationDefinition): Obligation => ({
  ...definition,
  dueDate: addMonths(definition.adoptedOn, definition.dueOffsetMonths),
});

export const appliesToAllStates = { scope: 'all' } as const satisfies ObligationScope;

/** Earliest deadline first; ties by id, so listings are stable. */
export const byDeadline = (a: Obligation, b: Obligation): number =>
  a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id);
