import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** The arms embargo on Yugoslavia of resolution 713 (1991), the Committee resolution 724 (1991) set up, and the measures of resolution 757 (1992) it watched. Quoted in French (docs/obligations.md, "Fourth pass"). */
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
  {
    id: '757-p12-measures',
    regime: 'former-yugoslavia',
    committee: '724',
    resolution: '757',
    adoptedOn: '1992-05-30',
    paragraph: '12',
    title:
      'Report to the Secretary-General on the measures taken against the Federal Republic of Yugoslavia (Serbia and Montenegro)',
    kind: 'report',
    // The reports go to the Secretary-General; paragraph 13 gives the 724 Committee the watch over these measures.
    quote:
      "12. Demande à tous les Etats de faire rapport au Secré taire général le 22 juin 1992 au plus tard sur les mesures qu'ils auront prises pour satisfaire aux obligations énoncées aux paragraphes 4 à 9;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Calls on all States to report to the Secretary-General by 22 June 1992 on the measures they have taken to meet the obligations set out in paragraphs 4 to 9.',
    },
    source: frenchVolumeSource('S/RES/757 (1992)', '1992', '028'),
    due: { type: 'by-date', date: '1992-06-22' },
  },
];
