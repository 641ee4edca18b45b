import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** The Liberia regime of resolution 1343 (2001) (1343 Committee). Quoted in French (docs/obligations.md, "Fourth pass"). */
export const liberiaRegistry: readonly RegistryEntry[] = [
  {
    id: '1408-p15-measures',
    regime: 'liberia',
    committee: '1343',
    resolution: '1408',
    adoptedOn: '2002-05-06',
    paragraph: '15',
    title: 'Report on the Liberia measures, by states that have not reported under resolution 1343 paragraph 18',
    kind: 'report',
    // The paragraph words "within ninety days" without saying from when; the registry counts from the resolution's adoption.
    quote:
      "15. Demande à tous les États qui n'ont pas encore présenté au Comité le rapport demandé au paragraphe 18 de la résolution 1343 (2001) de lui présenter dans les quatre-vingt-dix jours un rapport sur les mesures qu'ils ont prises pour appliquer les mesures visées au paragraphe 5 ci- dessus ;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Calls on all States that have not yet submitted to the Committee the report asked for in paragraph 18 of resolution 1343 (2001) to submit to it within 90 days a report on the steps they have taken to apply the measures in paragraph 5 above.',
    },
    source: frenchVolumeSource('S/RES/1408 (2002)', '2001', '232'),
    due: { type: 'once', within: { days: 90 }, trigger: { from: 'adoption' } },
  },
];
