import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** Non-proliferation of weapons of mass destruction to non-State actors: resolution 1540 (2004) and the Committee it set up (the 1540 Committee). Not a sanctions regime, but its paragraph 4 sets every state a reporting duty. Quoted in French (docs/obligations.md, "Fourth pass"). */
export const nonProliferation1540Registry: readonly RegistryEntry[] = [
  {
    id: '1540-p4-first-report',
    regime: '1540',
    committee: '1540',
    resolution: '1540',
    adoptedOn: '2004-04-28',
    paragraph: '4',
    title: 'First report on the steps taken or planned to implement resolution 1540',
    kind: 'report',
    quote:
      '4. Décide de créer, conformément à l’article 28 de son règlement intérieur provisoire et pour une période ne dépassant pas deux ans, un comité du Conseil de sécurité formé de tous les membres du Conseil et qui fera appel, le cas échéant, à d’autres compétences, qui lui rendra compte pour son examen de l’application de la présente résolution et, à cette fin, demande aux États de présenter au Comité un premier rapport au plus tard six mois après l’adoption de la présente résolution sur les mesures qu’ils auront prises ou qu’ils envisagent de prendre pour mettre en application la présente résolution ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Decides to set up, for no more than two years, a Committee of the Security Council of all its members, drawing on other expertise as needed, to report to it on the implementation of this resolution, and to that end calls on States to present to the Committee a first report no later than six months after the adoption of this resolution on the steps they have taken or intend to take to implement it.',
    },
    source: frenchVolumeSource('S/RES/1540 (2004)', '2003', '231'),
    due: { type: 'once', within: { months: 6 }, trigger: { from: 'adoption' } },
  },
];
