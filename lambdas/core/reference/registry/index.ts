import { dprk } from './dprk.data.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** Every regime's registry file; a new `<regime>.data.ts` is listed here to be seeded. */
export const registryEntries: readonly RegistryEntry[] = [...dprk];
