import type { Obligation } from '../obligations/obligation.ts';
import { registryEntries } from './registry/index.ts';
import { obligationOfEntry } from './registry/registry-obligation.ts';

/**
 * The obligations the catalogue starts with: every entry of the registry (registry/index.ts),
 * each with its paragraph quoted. Seeded into the table on deploy and on `npm start`; admins add more there.
 */
export const seedObligations: readonly Obligation[] = registryEntries.map(obligationOfEntry);
