import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** The arms prohibitions on Iraq of resolution 687 (1991) and the guidelines resolution 700 (1991) approved (661 Committee). Quoted in French (docs/obligations.md, "Fourth pass"). */
export const iraqRegistry: readonly RegistryEntry[] = [
  {
    id: '700-p4-arms-guidelines',
    regime: 'iraq',
    committee: '661',
    resolution: '700',
    adoptedOn: '1991-06-17',
    paragraph: '4',
    title: 'Report to the Secretary-General on the steps taken to meet the arms prohibitions of resolution 687',
    kind: 'report',
    // The paragraph words "within forty-five days" without saying from when; the registry counts from the resolution's adoption. The reports go to the Secretary-General; paragraph 5 gives the 661 Committee the watch over the prohibitions.
    quote:
      "4. Prie tous les Etats, agissant conformément au paragra phe 8 des directives, de rendre compte au Secrétaire général, dans les quarante-cinq jours, des mesures qu'ils auront prises pour s'acquitter des obligations énoncées au paragraphe 24 de la résolution 687 (1991);",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Asks all States, acting in line with paragraph 8 of the guidelines, to report to the Secretary-General within 45 days on the steps they have taken to meet the obligations of paragraph 24 of resolution 687 (1991).',
    },
    source: frenchVolumeSource('S/RES/700 (1991)', '1991', '028'),
    due: { type: 'once', within: { days: 45 }, trigger: { from: 'adoption' } },
  },
];
