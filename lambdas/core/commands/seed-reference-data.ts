import type { ObligationCatalogue } from '../ports.ts';
import { seedObligations } from '../reference/obligations.ts';

export interface SeedOutcome {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

/**
 * Puts the seed obligations into the catalogue. Safe to run on every deploy and start: an
 * obligation already there, perhaps edited by an admin, is left alone.
 */
export const seedReferenceData = async (catalogue: ObligationCatalogue): Promise<SeedOutcome> => {
  const outcomes = await Promise.all(
    seedObligations.map(async (obligation) => ({ id: obligation.id, outcome: await catalogue.ensure(obligation) })),
  );
  return {
    created: outcomes.filter((o) => o.outcome === 'created').map((o) => o.id),
    existing: outcomes.filter((o) => o.outcome === 'exists').map((o) => o.id),
  };
};
