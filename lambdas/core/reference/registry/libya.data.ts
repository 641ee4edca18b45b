import type { RegistryEntry } from './registry-entry.ts';

/**
 * The Libya regime (1970 Committee). The Committee's press release SC/10213 (25 March 2011 meeting)
 * gives the same deadline this offset yields: 26 June 2011.
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
      'Calls upon all Member States to report to the Committee within 120 days of the adoption of this resolution on the steps they have taken with a view to implementing effectively paragraphs 9, 10, 15 and 17 above',
    source: {
      document: 'S/RES/1970 (2011)',
      url: 'https://innercitypress.blogspot.com/2012/05/on-libya-sanctions-5-un-sc-members-fail.html',
      publisher: 'Inner City Press (Matthew Russell Lee), quoting paragraph 25 of the resolution',
      readOn: '2026-12-05',
    },
    due: { type: 'once', within: { days: 120 }, trigger: { from: 'adoption' } },
  },
];
