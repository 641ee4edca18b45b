import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/**
 * Libya: the regime of resolution 748 (1992) and its Committee, and that of resolution 1970 (2011)
 * and its Committee. For 1970, the Committee's press release SC/10213 (25 March 2011 meeting)
 * gives the same deadline this offset yields: 26 June 2011. 748 and 883 are quoted in French
 * (docs/obligations.md, "Fourth pass").
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
  {
    id: '748-p8-measures',
    regime: 'libya',
    committee: '748',
    resolution: '748',
    adoptedOn: '1992-03-31',
    paragraph: '8',
    title:
      'Report to the Secretary-General on the measures taken against Libya (air embargo, arms embargo, diplomatic measures)',
    kind: 'report',
    // The reports go to the Secretary-General; paragraph 9 of the same resolution sets up the Committee that watches the measures.
    quote:
      "8. Prie tous les Etats de faire rapport au Secrétaire général le 15 mai 1992 au plus tard sur les mesures qu'ils auront prises pour s'acquitter des obligations énoncées aux paragraphes 3 à 7;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Requests all States to report to the Secretary-General by 15 May 1992 on the measures they have taken to meet the obligations set out in paragraphs 3 to 7.',
    },
    source: frenchVolumeSource('S/RES/748 (1992)', '1992', '068'),
    due: { type: 'by-date', date: '1992-05-15' },
  },
  {
    id: '883-p13-measures',
    regime: 'libya',
    committee: '748',
    resolution: '883',
    adoptedOn: '1993-11-11',
    paragraph: '13',
    title:
      'Report to the Secretary-General on the measures taken against Libya under resolution 883 (assets freeze, oil equipment, aviation)',
    kind: 'report',
    quote:
      "13. Prie tous les Etats de faire rapport au Secrétaire général le 15 janvier 1994 au plus tard sur les mesures qu'ils auront prises pour s'acquitter des obligations énoncées aux paragraphes 3 à 7 ci-dessus;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Requests all States to report to the Secretary-General by 15 January 1994 on the measures they have taken to meet the obligations set out in paragraphs 3 to 7 above.',
    },
    source: frenchVolumeSource('S/RES/883 (1993)', '1993', '125'),
    due: { type: 'by-date', date: '1994-01-15' },
  },
];
