import { angolaUnitaRegistry } from './angola-unita.data.ts';
import { centralAfricanRepublicRegistry } from './central-african-republic.data.ts';
import { coteDivoireRegistry } from './cote-divoire.data.ts';
import { counterTerrorismRegistry } from './counter-terrorism.data.ts';
import { dprkRegistry } from './dprk.data.ts';
import { drcRegistry } from './drc.data.ts';
import { eritreaEthiopiaRegistry } from './eritrea-ethiopia.data.ts';
import { formerYugoslaviaRegistry } from './former-yugoslavia.data.ts';
import { fryKosovoRegistry } from './fry-kosovo.data.ts';
import { haitiRegistry } from './haiti.data.ts';
import { iranRegistry } from './iran.data.ts';
import { iraqRegistry } from './iraq.data.ts';
import { isilAlQaidaRegistry } from './isil-al-qaida.data.ts';
import { liberiaRegistry } from './liberia.data.ts';
import { libyaRegistry } from './libya.data.ts';
import { nonProliferation1540Registry } from './non-proliferation-1540.data.ts';
import type { RegistryEntry } from './registry-entry.ts';
import { sierraLeoneRegistry } from './sierra-leone.data.ts';
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
  ...nonProliferation1540Registry,
  ...sierraLeoneRegistry,
  ...liberiaRegistry,
  ...drcRegistry,
  ...coteDivoireRegistry,
  ...eritreaEthiopiaRegistry,
  ...fryKosovoRegistry,
  ...iraqRegistry,
  ...formerYugoslaviaRegistry,
  ...haitiRegistry,
  ...angolaUnitaRegistry,
];
