import { invalidInput } from '../errors.ts';
import type { ObligationCatalogue } from '../ports/stores.ts';
import { byDeadline, type Obligation, type ObligationKind } from './obligation.ts';

export interface ObligationQuery {
  readonly committee?: string;
  readonly resolution?: string;
  readonly kind?: ObligationKind;
  readonly limit: number;
  /** The `next` of the previous page: the id of its last obligation. */
  readonly after?: string;
}

export interface ObligationPage {
  readonly count: number;
  readonly obligations: readonly Obligation[];
  readonly next?: string;
}

/**
 * `GET /obligations`: the catalogue narrowed to a committee, resolution or kind, earliest deadline
 * first (those without one last), a page at a time. The catalogue is one partition, read whole.
 */
export const listObligations = async (
  query: ObligationQuery,
  catalogue: ObligationCatalogue,
): Promise<ObligationPage> => {
  const matching = (await catalogue.list())
    .filter(
      (o) =>
        (query.committee === undefined || o.committee === query.committee) &&
        (query.resolution === undefined || o.resolution === query.resolution) &&
        (query.kind === undefined || o.kind === query.kind),
    )
    .sort(byDeadline);
  let start = 0;
  if (query.after !== undefined) {
    const position = matching.findIndex((o) => o.id === query.after);
    if (position < 0)
      throw invalidInput('after', `"${query.after}" is not the next of an earlier page of this listing`);
    start = position + 1;
  }
  const page = matching.slice(start, start + query.limit);
  const last = page.at(-1);
  const more = start + query.limit < matching.length;
  return { count: page.length, obligations: page, ...(more && last ? { next: last.id } : {}) };
};
