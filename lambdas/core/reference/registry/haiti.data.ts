import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** Haiti: the measures of resolutions 841 (1993), 873 (1993) and 917 (1994), and the Committee 841 set up. Quoted in French (docs/obligations.md, "Fourth pass"). */
export const haitiRegistry: readonly RegistryEntry[] = [
  {
    id: '917-p13-measures',
    regime: 'haiti',
    committee: '841',
    resolution: '917',
    adoptedOn: '1994-05-06',
    paragraph: '13',
    title: 'Report to the Secretary-General on the measures taken against Haiti',
    kind: 'report',
    // The reports go to the Secretary-General; paragraph 14 adds tasks to those the Committee has under resolutions 841 (1993) and 873 (1993).
    quote:
      "13. Prie tous les Etats de rendre compte au Secrétaire gé néral au plus tard le 6 juin 1994 des mesures qu'ils auront prises pour assurer l'application de la présente résolution et des résolutions antérieures pertinentes;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Requests all States to report to the Secretary-General no later than 6 June 1994 on the measures they have taken to implement this resolution and the relevant earlier resolutions.',
    },
    source: frenchVolumeSource('S/RES/917 (1994)', '1994', '056'),
    due: { type: 'by-date', date: '1994-06-06' },
  },
];
