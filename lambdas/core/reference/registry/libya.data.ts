import type { RegistryEntry } from './registry-entry.ts';

/**
 * The Libya regime (1970 Committee). The quote is the Committee's own wording of paragraph 25 in
 * its press release (SC/10213), which also gives the deadline it computed: 26 June 2011.
 */
export const libyaRegistry: readonly RegistryEntry[] = [
  {
    id: '1970-p25-measures',
    regime: 'libya',
    committee: '1970',
    resolution: '1970',
    adoptedOn: '2011-02-26',
    paragraph: '25',
    title: 'Report on implementation of the arms embargo, travel ban and assets freeze',
    kind: 'report',
    quote:
      'paragraph 25 of resolution 1970 (2011), which calls upon all Member States to report to the Committee within 120 days of the adoption of the resolution ... on the steps they have taken with a view to implementing effectively paragraphs 9, 10, 15 and 17 of the resolution regarding the arms embargo, travel ban and assets freeze.',
    source: {
      document: 'S/RES/1970 (2011)',
      url: 'http://www.un.org/News/Press/docs/2011/sc10213.doc.htm',
      publisher: 'United Nations, Department of Public Information (press release SC/10213, 28 March 2011)',
      readOn: '2026-12-05',
    },
    due: { type: 'once', within: { days: 120 }, trigger: { from: 'adoption' } },
  },
];
