import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** The Sierra Leone regime (1132 Committee), as resolutions 1132 (1997) and 1306 (2000) set it. Quoted in French (docs/obligations.md, "Fourth pass"). */
export const sierraLeoneRegistry: readonly RegistryEntry[] = [
  {
    id: '1132-p13-measures',
    regime: 'sierra-leone',
    committee: '1132',
    resolution: '1132',
    adoptedOn: '1997-10-08',
    paragraph: '13',
    title: 'Report to the Secretary-General on the steps taken to implement the Sierra Leone measures',
    kind: 'report',
    // The reports go to the Secretary-General; the entry names the Committee the resolution set up (its paragraph 10).
    quote:
      "13. Prie les États de faire rapport au Secrétaire général dans les trente jours suivant la date de l'adoption de la présente résolution sur les mesures qu'ils auront prises pour donner effet aux dispositions des paragraphes 5 et 6 ci-dessus;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Asks States to report to the Secretary-General within 30 days of the date of adoption of this resolution on the steps they have taken to give effect to paragraphs 5 and 6 above.',
    },
    source: frenchVolumeSource('S/RES/1132 (1997)', '1997', '098'),
    due: { type: 'once', within: { days: 30 }, trigger: { from: 'adoption' } },
  },
  {
    id: '1306-p8-diamonds',
    regime: 'sierra-leone',
    committee: '1132',
    resolution: '1306',
    adoptedOn: '2000-07-05',
    paragraph: '8',
    title: 'Report to the Committee on the steps taken to ban imports of rough diamonds from Sierra Leone',
    kind: 'report',
    quote:
      '8. Prie tous les États d’informer le Comité du Conseil de sécurité créé par la résolution 1132 (1997), dans les trente jours suivant l’adoption de la présente résolution, des dispositions qu’ils auront prises pour appliquer les mesures visées au paragraphe 1 ci-dessus ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Asks all States to inform the Committee of the Security Council set up by resolution 1132 (1997), within 30 days of the adoption of this resolution, of the steps they have taken to apply the measures in paragraph 1 above.',
    },
    source: frenchVolumeSource('S/RES/1306 (2000)', '2000', '118'),
    due: { type: 'once', within: { days: 30 }, trigger: { from: 'adoption' } },
  },
];
