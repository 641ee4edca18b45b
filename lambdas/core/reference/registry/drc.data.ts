import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** The Democratic Republic of the Congo regime (1533 Committee). Quoted in French (docs/obligations.md, "Fourth pass"). */
export const drcRegistry: readonly RegistryEntry[] = [
  {
    id: '1533-p9-arms-embargo',
    regime: 'drc',
    committee: '1533',
    resolution: '1533',
    adoptedOn: '2004-03-12',
    paragraph: '9',
    title: 'Report on the steps taken to implement the arms embargo on the Democratic Republic of the Congo',
    kind: 'report',
    quote:
      '9. Prie tous les États, en particulier ceux de la région, de présenter au Comité, dans les soixante jours suivant l’adoption de la présente résolution, un rapport sur les dispositions qu’ils auront prises pour appliquer les mesures imposées par le paragraphe 20 de la résolution 1493 (2003), et autorise le Comité à demander par la suite toute information complémentaire qu’il pourrait juger nécessaire ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Asks all States, in particular those of the region, to present to the Committee, within 60 days of the adoption of this resolution, a report on the steps they have taken to apply the measures of paragraph 20 of resolution 1493 (2003), and authorizes the Committee to ask afterwards for any further information it finds necessary.',
    },
    source: frenchVolumeSource('S/RES/1533 (2004)', '2003', '053'),
    due: { type: 'once', within: { days: 60 }, trigger: { from: 'adoption' } },
  },
  {
    id: '1596-p20-measures',
    regime: 'drc',
    committee: '1533',
    resolution: '1596',
    adoptedOn: '2005-04-18',
    paragraph: '20',
    title: 'Report on the steps taken to implement the measures of resolution 1596',
    kind: 'report',
    quote:
      '20. Prie tous les États concernés, particulièrement ceux de la région, de présenter au Comité, dans les quarante-cinq jours suivant l’adoption de la présente résolution, un rapport sur les dispositions qu’ils auront prises pour appliquer les mesures imposées par les paragraphes 6, 10, 13 et 15 ci-dessus, et autorise le Comité à demander à tout État Membre les informations qu’il jugera nécessaires à l’accomplissement de son mandat ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Asks all States concerned, in particular those of the region, to present to the Committee, within 45 days of the adoption of this resolution, a report on the steps they have taken to apply the measures of paragraphs 6, 10, 13 and 15 above, and authorizes the Committee to ask any Member State for the information it needs for its mandate.',
    },
    source: frenchVolumeSource('S/RES/1596 (2005)', '2004', '198'),
    due: { type: 'once', within: { days: 45 }, trigger: { from: 'adoption' } },
  },
  {
    id: '1857-p7-measures',
    regime: 'drc',
    committee: '1533',
    resolution: '1857',
    adoptedOn: '2008-12-22',
    paragraph: '7',
    title: 'Report on the steps taken to implement the measures of resolution 1857',
    kind: 'report',
    quote:
      '7. Engage tous les États, en particulier ceux de la région, à contribuer à l’application des mesures résultant de la présente résolution, à coopérer pleinement avec le Comité dans l’exécution de son mandat et à lui faire rapport, dans un délai de quarante-cinq jours suivant l’adoption de la présente résolution, sur les dispositions qu’ils auront prises pour appliquer les mesures découlant des paragraphes 1 à 5 de la présente résolution, et encourage tous les États à envoyer des représentants rencontrer le Comité, à la demande de celui-ci, pour examiner plus en détail les questions qui les concernent;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Calls on all States, in particular those of the region, to help apply the measures of this resolution, to cooperate fully with the Committee and to report to it, within 45 days of the adoption of this resolution, on the steps they have taken to apply the measures of paragraphs 1 to 5, and encourages all States to send representatives to meet the Committee when it asks.',
    },
    source: frenchVolumeSource('S/RES/1857 (2008)', '2008', '157'),
    due: { type: 'once', within: { days: 45 }, trigger: { from: 'adoption' } },
  },
];
