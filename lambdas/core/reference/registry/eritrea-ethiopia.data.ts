import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** The arms embargo on Eritrea and Ethiopia of resolution 1298 (2000) (1298 Committee). Quoted in French (docs/obligations.md, "Fourth pass"). */
export const eritreaEthiopiaRegistry: readonly RegistryEntry[] = [
  {
    id: '1298-p11-measures',
    regime: 'eritrea-ethiopia',
    committee: '1298',
    resolution: '1298',
    adoptedOn: '2000-05-17',
    paragraph: '11',
    title: 'Report to the Secretary-General on the steps taken to implement the Eritrea and Ethiopia arms embargo',
    kind: 'report',
    // The reports go to the Secretary-General; the entry names the Committee the resolution set up (its paragraph 8).
    quote:
      '11. Prie les États de présenter au Secrétaire général dans les trente jours qui suivront l’adoption de la présente résolution un rapport détaillé sur les mesures précises qu’ils auront prises afin de donner effet aux mesures imposées au titre du paragraphe 6 ci-dessus ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Asks States to present to the Secretary-General within 30 days of the adoption of this resolution a detailed report on the specific steps they have taken to give effect to the measures imposed under paragraph 6 above.',
    },
    source: frenchVolumeSource('S/RES/1298 (2000)', '2000', '164'),
    due: { type: 'once', within: { days: 30 }, trigger: { from: 'adoption' } },
  },
];
