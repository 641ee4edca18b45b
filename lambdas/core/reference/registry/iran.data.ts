import type { RegistryEntry } from './registry-entry.ts';

/** The Iran regime of resolution 1737 (2006) (1737 Committee); its current status was not checked here. */
export const iranRegistry: readonly RegistryEntry[] = [
  {
    id: '1737-p19-measures',
    regime: 'iran',
    committee: '1737',
    resolution: '1737',
    adoptedOn: '2006-12-23',
    paragraph: '19',
    title: 'Report on the steps taken to implement the Iran measures of resolution 1737',
    kind: 'report',
    // The scanned book runs some words together ("Decidesthat") and breaks others at line ends; the quote restores the spaces and joins the breaks.
    quote:
      'Decides that all States shall report to the Committee within 60 days of the adoption of this resolution on the steps they have taken with a view to implementing effectively paragraphs 3, 4, 5, 6, 7, 8, 10, 12 and 17 above;',
    source: {
      document: 'S/RES/1737 (2006)',
      url: 'https://issuhub.com/view/index?id=23563&pageIndex=431',
      publisher: 'The Contemporary Middle East: A Documentary History (book, on issuhub), printing the resolution',
      readOn: '2026-12-06',
    },
    due: { type: 'once', within: { days: 60 }, trigger: { from: 'adoption' } },
  },
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
