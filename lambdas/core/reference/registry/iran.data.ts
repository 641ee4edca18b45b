import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** The Iran regime of resolution 1737 (2006) (1737 Committee); its current status was not checked here. */
export const iranRegistry: readonly RegistryEntry[] = [
  {
    id: '1737-p19-measures',
    regime: 'iran',
    committee: '1737',
    resolution: '1737',
    adoptedOn: '2006-12-23',
    paragraph: '19',
    title: 'Report on the steps taken to implement the Iran measures of resolution 1737',
    kind: 'report',
    // The scanned book runs some words together ("Decidesthat") and breaks others at line ends; the quote restores the spaces and joins the breaks.
    quote:
      'Decides that all States shall report to the Committee within 60 days of the adoption of this resolution on the steps they have taken with a view to implementing effectively paragraphs 3, 4, 5, 6, 7, 8, 10, 12 and 17 above;',
    source: {
      document: 'S/RES/1737 (2006)',
      url: 'https://issuhub.com/view/index?id=23563&pageIndex=431',
      publisher: 'The Contemporary Middle East: A Documentary History (book, on issuhub), printing the resolution',
      readOn: '2026-12-06',
    },
    due: { type: 'once', within: { days: 60 }, trigger: { from: 'adoption' } },
  },
  {
    id: '1929-p20-evasion-transfers',
    regime: 'iran',
    committee: '1737',
    resolution: '1929',
    adoptedOn: '2010-06-09',
    paragraph: '20',
    title: 'Information on transfers by Iran Air cargo or IRISL vessels to evade the sanctions',
    kind: 'report',
    quote:
      "Requests all Member States to communicate to the Committee any information available on transfers or activity by Iran Air's cargo division or vessels owned or operated by the Islamic Republic of Iran Shipping Lines (IRISL) to other companies that may have been undertaken in order to evade the sanctions of, or in violation of the provisions of, resolutions 1737 (2006), 1747 (2007), 1803 (2008) or this resolution, including renaming or re-registering of aircraft, vessels or ships, and requests the Committee to make that information widely available;",
    source: {
      document: 'S/RES/1929 (2010)',
      url: 'https://unsanctionsapp.com/checklist/implementation/reporting-requirements/reporting-conditional',
      publisher: 'UN Sanctions App, checklist "Reporting requirements: conditional member state reporting"',
      readOn: '2026-12-05',
    },
    due: { type: 'open-ended' },
  },
  {
    id: '1737-p5-exempted-supply-notice',
    regime: 'iran',
    committee: '1737',
    resolution: '1737',
    adoptedOn: '2006-12-23',
    paragraph: '5',
    title:
      'Notice to the Committee of a supply to Iran of listed items whose export paragraphs 3 and 4 do not prohibit',
    kind: 'report',
    // The duty is subparagraph (c): a notice owed only by a state that makes such a supply, so it is conditional.
    quote:
      '5. Décide que, pour la fourniture, la vente ou le transfert de tous articles, matières, équipements, biens et technologies visés dans les documents S/2006/814 et S/2006/815 et dont l’exportation en République islamique d’Iran n’est pas prohibée en vertu des alinéas b ou c du paragraphe 3 ou de l’alinéa a du paragraphe 4 ci-dessus, les États veilleront : a) À ce que les dispositions pertinentes des directives énoncées dans les documents S/2006/814 et S/2006/985 soient respectées ; b) À s’assurer et à se donner les moyens d’exercer effectivement le droit de vérifier l’utilisation finale de tout article fourni et le lieu de cette utilisation ; c) À notifier au Comité dans les dix jours la fourniture, la vente ou le transfert ; et d) Dans le cas des articles, matières, équipements, biens et technologies visés dans le document S/2006/814, à en notifier également à l’Agence, dans les dix jours, la fourniture, la vente ou le transfert ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Decides that, for the supply, sale or transfer of any item listed in documents S/2006/814 and S/2006/815 whose export to Iran is not prohibited by subparagraphs 3 (b) or (c) or 4 (a) above, States shall (a) respect the guidelines in S/2006/814 and S/2006/985, (b) be able to verify the end use and place of use of any item supplied, (c) notify the Committee within 10 days of the supply, sale or transfer, and (d) for items in S/2006/814, also notify the Agency within 10 days.',
    },
    source: frenchVolumeSource('S/RES/1737 (2006)', '2006', '279'),
    due: {
      type: 'conditional',
      condition:
        'the state supplies, sells or transfers to Iran an item listed in S/2006/814 or S/2006/815 whose export paragraphs 3 (b) or (c) or 4 (a) do not prohibit',
      within: { days: 10 },
    },
  },
  {
    id: '1747-p8-measures',
    regime: 'iran',
    committee: '1737',
    resolution: '1747',
    adoptedOn: '2007-03-24',
    paragraph: '8',
    title: 'Report on the steps taken to implement the Iran measures of resolution 1747',
    kind: 'report',
    quote:
      '8. Engage tous les États à rendre compte au Comité dans un délai de soixante jours à compter de l’adoption de la présente résolution des mesures qu’ils auront prises afin de mettre efficacement en application les dispositions des paragraphes 2, 4, 5, 6 et 7 ci-dessus ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Calls on all States to report to the Committee within 60 days of the adoption of this resolution on the steps they have taken to implement effectively paragraphs 2, 4, 5, 6 and 7 above.',
    },
    source: frenchVolumeSource('S/RES/1747 (2007)', '2006', '286'),
    due: { type: 'once', within: { days: 60 }, trigger: { from: 'adoption' } },
  },
  {
    id: '1803-p13-measures',
    regime: 'iran',
    committee: '1737',
    resolution: '1803',
    adoptedOn: '2008-03-03',
    paragraph: '13',
    title: 'Report on the steps taken to implement the Iran measures of resolution 1803',
    kind: 'report',
    quote:
      '13. Demande à tous les États de rendre compte au Comité, dans les soixante jours suivant l’adoption de la présente résolution, des mesures qu’ils auront prises pour donner effectivement suite aux dispositions des paragraphes 3, 5 et 7 à 11 ci-dessus ;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Calls on all States to report to the Committee within 60 days of the adoption of this resolution on the steps they have taken to give effect to paragraphs 3, 5 and 7 to 11 above.',
    },
    source: frenchVolumeSource('S/RES/1803 (2008)', '2007', '251'),
    due: { type: 'once', within: { days: 60 }, trigger: { from: 'adoption' } },
  },
];
