import type { RegistryEntry } from './registry-entry.ts';

/** The Iran regime of resolution 1737 (2006) (1737 Committee); its current status was not checked here. */
export const iranRegistry: readonly RegistryEntry[] = [
  {
    id: '1929-p20-evasion-transfers',
    regime: 'iran',
    committee: '1737',
    resolution: '1929',
    adoptedOn: '2010-06-09',
    paragraph: '20',
    title: 'Information on transfers by Iran Air cargo or IRISL vessels to evade the sanctions',
    kind: 'report',
    quote:
      "Requests all Member States to communicate to the Committee any information available on transfers or activity by Iran Air's cargo division or vessels owned or operated by the Islamic Republic of Iran Shipping Lines (IRISL) to other companies that may have been undertaken in order to evade the sanctions of, or in violation of the provisions of, resolutions 1737 (2006), 1747 (2007), 1803 (2008) or this resolution, including renaming or re-registering of aircraft, vessels or ships, and requests the Committee to make that information widely available;",
    source: {
      document: 'S/RES/1929 (2010)',
      url: 'https://unsanctionsapp.com/checklist/implementation/reporting-requirements/reporting-conditional',
      publisher: 'UN Sanctions App, checklist "Reporting requirements: conditional member state reporting"',
      readOn: '2026-12-05',
    },
    due: { type: 'open-ended' },
  },
];
