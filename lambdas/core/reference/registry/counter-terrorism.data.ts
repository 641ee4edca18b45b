import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/**
 * Counter-terrorism: resolution 1373 (2001) and the Committee it set up (the Counter-Terrorism
 * Committee). Not a sanctions regime, but its paragraph 6 sets every state a reporting duty.
 */
export const counterTerrorismRegistry: readonly RegistryEntry[] = [
  {
    id: '1373-p6-measures',
    regime: 'counter-terrorism',
    committee: '1373',
    resolution: '1373',
    adoptedOn: '2001-09-28',
    paragraph: '6',
    title: 'Report on the steps taken to implement resolution 1373',
    kind: 'report',
    // The French text (authentic) replaced the UN's German translation the third pass quoted; both word 90 days.
    quote:
      "6. Décide de créer, en application de l'article 28 de son règlement intérieur provisoire, un comité du Conseil de sécurité composé de tous les membres du Conseil et chargé de suivre l'application de la présente résolution avec l'aide des experts voulus, et demande à tous les États de rendre compte au Comité, quatre vingt-dix jours au plus tard après la date d'adoption de la présente résolution puis selon le calendrier qui sera proposé par le Comité, des mesures qu'ils auront prises pour donner suite à la présente résolution ;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Decides to set up, under rule 28 of its provisional rules of procedure, a Committee of the Security Council of all its members to monitor, with the help of suitable experts, the implementation of this resolution, and calls on all States to report to the Committee no later than ninety days after the date of adoption of this resolution, and thereafter on the timetable the Committee will propose, on the steps they have taken to implement this resolution.',
    },
    source: frenchVolumeSource('S/RES/1373 (2001)', '2001', '316'),
    due: {
      type: 'recurring',
      within: { days: 90 },
      trigger: { from: 'adoption' },
      then: {
        timetable:
          'according to the timetable the Committee will propose (selon le calendrier qui sera proposé par le Comité)',
      },
    },
  },
];
