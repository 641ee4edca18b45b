import { isDeepStrictEqual } from 'node:util';
import { withRegistryDefaults } from '../obligations/registry-defaults.ts';
import type { Catalogue, MetricCatalogue, ObligationCatalogue } from '../ports/stores.ts';
import { seedMetrics } from './metrics.ts';
import { seedObligations } from './obligations.ts';

export interface SeedOutcome {
  readonly created: readonly string[];
  readonly existing: readonly string[];
  /** Obligations stored without some of the registry's fields (quote, committee, regime, link), now with them. */
  readonly filled: readonly string[];
}

const ensureAll = async <T extends { readonly id: string }>(catalogue: Catalogue<T>, items: readonly T[]) =>
  Promise.all(items.map(async (item) => ({ id: item.id, outcome: await catalogue.ensure(item) })));

/**
 * Gives every stored obligation the registry's fields it lacks (withRegistryDefaults: what it
 * states itself wins), so that reading an obligation needs no registry: items stored before the
 * registry had quotes, committees and regimes, or by an admin without them, get them here, once.
 */
const fillFromRegistry = async (obligations: ObligationCatalogue): Promise<string[]> => {
  const incomplete = (await obligations.list()).flatMap((stored) => {
    const filled = withRegistryDefaults(stored);
    return isDeepStrictEqual(filled, stored) ? [] : [filled];
  });
  await Promise.all(incomplete.map((filled) => obligations.replace(filled)));
  return incomplete.map(({ id }) => id);
};

/**
 * Puts the seed obligations and metrics into their catalogues, and fills in what stored
 * obligations lack of the registry's fields. Safe to run on every deploy and start: an entry
 * already there, perhaps edited by an admin, keeps what it states.
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
    filled: await fillFromRegistry(catalogues.obligations),
  };
};
