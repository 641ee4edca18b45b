import { byDeadline, type Obligation } from '../../lambdas/core/obligations/obligation.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';

/**
 * Resolution 2397 paragraph 8's three duties, earliest deadline first: the registry's only ones whose states' reports the
 * service records, so the ones tests of overdue states, report events and figures are about.
 */
export const resolution2397Obligations = (): readonly Obligation[] =>
  seedObligations.filter((obligation) => obligation.resolution === '2397').sort(byDeadline);

/** One seeded obligation by id; a test naming one the registry lacks fails here, by name. */
export const seededObligation = (id: string): Obligation => {
  const obligation = seedObligations.find((candidate) => candidate.id === id);
  if (!obligation) throw new Error(`no seeded obligation ${id}`);
  return obligation;
};
