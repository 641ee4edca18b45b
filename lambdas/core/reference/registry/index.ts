import { centralAfricanRepublicRegistry } from './central-african-republic.data.ts';
import { counterTerrorismRegistry } from './counter-terrorism.data.ts';
import { dprkRegistry } from './dprk.data.ts';
import { iranRegistry } from './iran.data.ts';
import { isilAlQaidaRegistry } from './isil-al-qaida.data.ts';
import { libyaRegistry } from './libya.data.ts';
import type { RegistryEntry } from './registry-entry.ts';
import { somaliaEritreaRegistry } from './somalia-eritrea.data.ts';
import { southSudanRegistry } from './south-sudan.data.ts';

/** Every sourced duty in the registry, regime by regime. */
export const registryEntries: readonly RegistryEntry[] = [
  ...dprkRegistry,
  ...isilAlQaidaRegistry,
  ...libyaRegistry,
  ...southSudanRegistry,
  ...iranRegistry,
  ...somaliaEritreaRegistry,
  ...centralAfricanRepublicRegistry,
  ...counterTerrorismRegistry,
];
