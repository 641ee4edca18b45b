import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** The Côte d'Ivoire regime (1572 Committee). Quoted in French (docs/obligations.md, "Fourth pass"). */
export const coteDivoireRegistry: readonly RegistryEntry[] = [
  {
    id: '1572-p15-measures',
    regime: 'cote-divoire',
    committee: '1572',
    resolution: '1572',
    adoptedOn: '2004-11-15',
    paragraph: '15',
    title: "Report on the steps taken to implement the Côte d'Ivoire measures of resolution 1572",
    kind: 'report',
    quote:
      '15. Prie tous les États concernés, particulièrement ceux de la région, de présenter au Comité, dans les quatre-vingt-dix jours suivant l’adoption de la présente résolution, un rapport sur les dispositions qu’ils auront prises pour appliquer les mesures imposées par les paragraphes 7, 9 et 11 ci-dessus, et autorise le Comité à demander toute information qu’il juge nécessaire ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Asks all States concerned, in particular those of the region, to present to the Committee, within 90 days of the adoption of this resolution, a report on the steps they have taken to apply the measures of paragraphs 7, 9 and 11 above, and authorizes the Committee to ask for any information it finds necessary.',
    },
    source: frenchVolumeSource('S/RES/1572 (2004)', '2004', '020'),
    due: { type: 'once', within: { days: 90 }, trigger: { from: 'adoption' } },
  },
  {
    id: '1643-p7-measures',
    regime: 'cote-divoire',
    committee: '1572',
    resolution: '1643',
    adoptedOn: '2005-12-15',
    paragraph: '7',
    title: "Report on the steps taken to implement the Côte d'Ivoire measures of resolutions 1572 and 1643",
    kind: 'report',
    quote:
      '7. Prie tous les États concernés, particulièrement ceux de la région, de présenter au Comité, dans les quatre-vingt-dix jours suivant la date d’adoption de la présente résolution, un rapport sur les dispositions qu’ils auront prises pour appliquer les mesures imposées par les paragraphes 7, 9 et 11 de la résolution 1572 (2004) et par les paragraphes 4 et 6 ci-dessus, et autorise le Comité à demander toute information qu’il juge nécessaire ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Asks all States concerned, in particular those of the region, to present to the Committee, within 90 days of the date of adoption of this resolution, a report on the steps they have taken to apply the measures of paragraphs 7, 9 and 11 of resolution 1572 (2004) and paragraphs 4 and 6 above, and authorizes the Committee to ask for any information it finds necessary.',
    },
    source: frenchVolumeSource('S/RES/1643 (2005)', '2005', '140'),
    due: { type: 'once', within: { days: 90 }, trigger: { from: 'adoption' } },
  },
  {
    id: '1727-p5-measures',
    regime: 'cote-divoire',
    committee: '1572',
    resolution: '1727',
    adoptedOn: '2006-12-15',
    paragraph: '5',
    title: "Report on the concrete steps taken to implement the Côte d'Ivoire measures",
    kind: 'report',
    quote:
      '5. Prie tous les États concernés, particulièrement ceux de la région, de présenter au Comité, dans les quatre-vingt-dix jours suivant l’adoption de la présente résolution, un rapport sur les mesures concrètes qu’ils auront prises pour appliquer les mesures imposées par les para graphes 7, 9 et 11 de la résolution 1572 (2004) et par le paragraphe 6 de la résolution 1643 (2005), et autorise le Comité à demander toute information supplémentaire qu’il juge nécessaire ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Asks all States concerned, in particular those of the region, to present to the Committee, within 90 days of the adoption of this resolution, a report on the concrete steps they have taken to apply the measures of paragraphs 7, 9 and 11 of resolution 1572 (2004) and paragraph 6 of resolution 1643 (2005), and authorizes the Committee to ask for any further information it finds necessary.',
    },
    source: frenchVolumeSource('S/RES/1727 (2006)', '2006', '220'),
    due: { type: 'once', within: { days: 90 }, trigger: { from: 'adoption' } },
  },
];
