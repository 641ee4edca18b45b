import type { RegistryEntry } from './registry-entry.ts';

/** The Central African Republic regime (2127 Committee). */
export const centralAfricanRepublicRegistry: readonly RegistryEntry[] = [
  {
    id: '2134-p42-measures',
    regime: 'central-african-republic',
    committee: '2127',
    resolution: '2134',
    adoptedOn: '2014-01-28',
    paragraph: '42',
    title: 'Report on implementation of the arms embargo, assets freeze and travel ban',
    kind: 'report',
    quote:
      'paragraph 42 of resolution 2134 (2014) of 28 January, by which the Security Council called upon Member States to report to the Committee within 90 days from the adoption of the resolution on the steps they have taken with a view to implementing effectively paragraph 54 of resolution 2127 (2013) (the arms embargo) and paragraphs 30 (assets freeze) and 32 (travel ban) of resolution 2134 (2014).',
    source: {
      document: 'S/RES/2134 (2014)',
      url: 'https://africanews.it/english/security-council-sanctions-committee-concerning-central-african-republic-meets-with-regional-states',
      publisher:
        'Africa News (APO), release of the Security Council Committee established pursuant to resolution 2127 (2013)',
      readOn: '2026-12-05',
    },
    due: { type: 'once', within: { days: 90 }, trigger: { from: 'adoption' } },
  },
];
