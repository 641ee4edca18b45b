import type { Catalogue, MetricCatalogue, ObligationCatalogue } from '../ports/stores.ts';
import { seedMetrics } from './metrics.ts';
import { seedObligations } from './obligations.ts';

export interface SeedOutcome {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

const ensureAll = async <T extends { readonly id: string }>(catalogue: Catalogue<T>, items: readonly T[]) =>
  Promise.all(items.map(async (item) => ({ id: item.id, outcome: await catalogue.ensure(item) })));

/**
 * Puts the seed obligations and metrics into their catalogues. Safe to run on every deploy and
 * start: an entry already there, perhaps edited by an admin, is left alone.
 */
export const seedReferenceData = async (catalogues: {
  readonly obligations: ObligationCatalogue;
  readonly metrics: MetricCatalogue;
}): Promise<SeedOutcome> => {
  const outcomes = [
    ...(await ensureAll(catalogues.obligations, seedObligations)),
    ...(await ensureAll(catalogues.metrics, seedMetrics)),
  ];
  return {
    created: outcomes.filter((o) => o.outcome === 'created').map((o) => o.id),
    existing: outcomes.filter((o) => o.outcome === 'exists').map((o) => o.id),
  };
};
