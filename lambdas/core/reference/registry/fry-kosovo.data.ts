import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** The arms prohibitions on the Federal Republic of Yugoslavia, including Kosovo, of resolution 1160 (1998) (1160 Committee). Quoted in French (docs/obligations.md, "Fourth pass"). */
export const fryKosovoRegistry: readonly RegistryEntry[] = [
  {
    id: '1160-p12-measures',
    regime: 'fry-kosovo',
    committee: '1160',
    resolution: '1160',
    adoptedOn: '1998-03-31',
    paragraph: '12',
    title: 'Report on the steps taken to give effect to the arms prohibitions of resolution 1160',
    kind: 'report',
    quote:
      "12. Prie les États de rendre compte au Comité créé en vertu du paragraphe 9 ci-dessus, dans les trente jours qui sui vront l'adoption de la présente résolution, des mesures qu'ils auront prises pour donner effet aux interdictions imposées par ladite résolution;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Asks States to report to the Committee set up under paragraph 9 above, within 30 days of the adoption of this resolution, on the steps they have taken to give effect to the prohibitions the resolution imposes.',
    },
    source: frenchVolumeSource('S/RES/1160 (1998)', '1998', '018'),
    due: { type: 'once', within: { days: 30 }, trigger: { from: 'adoption' } },
  },
];
