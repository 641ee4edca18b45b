import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** The arms embargo on Yugoslavia of resolution 713 (1991) and the Committee resolution 724 (1991) set up. Quoted in French (docs/obligations.md, "Fourth pass"). */
export const formerYugoslaviaRegistry: readonly RegistryEntry[] = [
  {
    id: '724-p5a-arms-embargo',
    regime: 'former-yugoslavia',
    committee: '724',
    resolution: '724',
    adoptedOn: '1991-12-15',
    paragraph: '5a',
    title: 'Report to the Secretary-General on the steps taken to implement the arms embargo on Yugoslavia',
    kind: 'report',
    // The duty is subparagraph (a) of paragraph 5, whose (b) sets up the Committee; it words "within twenty days" without saying from when, and the registry counts from the resolution's adoption. The reports go to the Secretary-General.
    quote:
      "5. Agissant au titre du Chapitre VII de la Charte des Nations Unies : a) Demande à tous les Etats de faire rapport au Secré taire général dans les vingt jours sur les mesures qu'ils auront instituées pour remplir les obligations fixées par le paragraphe 6 de la résolution 713 (1991) en vue de mettre en oeuvre un embargo général et complet sur toutes les livraisons d'arme ments et d'équipements militaires à la Yougoslavie;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Acting under Chapter VII of the Charter of the United Nations: (a) calls on all States to report to the Secretary-General within 20 days on the steps they have instituted to meet the obligations of paragraph 6 of resolution 713 (1991) to implement a general and complete embargo on all deliveries of weapons and military equipment to Yugoslavia.',
    },
    source: frenchVolumeSource('S/RES/724 (1991)', '1991', '055'),
    due: { type: 'once', within: { days: 20 }, trigger: { from: 'adoption' } },
  },
];
