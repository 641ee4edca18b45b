import { formatDate } from '../messages/format.ts';
import type { Obligation } from '../obligations/obligation.ts';
import { daysBetween, type IsoDate } from '../time/calendar-date.ts';

export type ObligationCandidate = Pick<Obligation, 'id' | 'title' | 'committee' | 'dueDate'>;

export interface LikelyObligationInput {
  readonly committee: string;
  readonly datedOn: IsoDate;
  /** Obligations that apply to the sending state. */
  readonly obligations: readonly ObligationCandidate[];
  /** Ids of obligations the state has already reported on: those are no longer open. */
  readonly reportedObligationIds: ReadonlySet<string>;
  /** How many days either side of the note's date a due date may lie. */
  readonly windowDays: number;
}

/** `candidates`: how many open obligations fell within the window, so a caller can tell a sure match from a nearest one. */
export type LikelyObligation =
  | { readonly obligation: ObligationCandidate; readonly reason: string; readonly candidates: number }
  | { readonly obligation?: undefined; readonly reason: string; readonly candidates: 0 };

const distanceText = (days: number): string =>
  days === 0
    ? 'the day of the note'
    : `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days > 0 ? 'after' : 'before'} the note`;

/**
 * The open obligation of the committee whose due date lies nearest the note's date, within the
 * window. On a tie the one due on or after the note wins: states usually report before a deadline.
 */
export const likelyObligation = (input: LikelyObligationInput): LikelyObligation => {
  const ranked = input.obligations
    .filter((obligation) => obligation.committee === input.committee && !input.reportedObligationIds.has(obligation.id))
    .flatMap((obligation) =>
      obligation.dueDate === undefined
        ? []
        : [{ obligation, dueDate: obligation.dueDate, days: daysBetween(input.datedOn, obligation.dueDate) }],
    )
    .filter(({ days }) => Math.abs(days) <= input.windowDays)
    .sort(
      (a, b) =>
        Math.abs(a.days) - Math.abs(b.days) || b.days - a.days || a.obligation.id.localeCompare(b.obligation.id),
    );
  const best = ranked[0];
  if (!best) {
    return {
      candidates: 0,
      reason: `No open obligation of the ${input.committee} Committee falls due within ${input.windowDays} days of ${formatDate(input.datedOn)}`,
    };
  }
  return {
    obligation: best.obligation,
    candidates: ranked.length,
    reason: `"${best.obligation.title}" (${best.obligation.id}) is due ${formatDate(best.dueDate)}, ${distanceText(best.days)}: the nearest open obligation of the ${input.committee} Committee`,
  };
};
