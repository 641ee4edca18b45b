import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/** The Somalia and Eritrea regime (751/1907 Committee). */
export const somaliaEritreaRegistry: readonly RegistryEntry[] = [
  {
    id: '1907-p20-measures',
    regime: 'somalia-eritrea',
    committee: '751',
    resolution: '1907',
    adoptedOn: '2009-12-23',
    paragraph: '20',
    title: 'Report on the steps taken to implement the Eritrea measures',
    kind: 'report',
    quote:
      'calls upon all Member States to report to the Security Council within 120 days of the adoption of this resolution on steps they have taken to implement the measures outlined in paragraphs 5, 6, 10, 12 and 13 of the resolution.',
    source: {
      document: 'S/RES/1907 (2009)',
      url: 'https://asmarino.com/articles/645-the-time-of-reckoning',
      publisher: "Asmarino Independent, quoting Security Council Report's April 2010 Monthly Forecast",
      readOn: '2026-12-05',
    },
    due: { type: 'once', within: { days: 120 }, trigger: { from: 'adoption' } },
  },
  {
    id: '1407-p8-arms-embargo',
    regime: 'somalia-eritrea',
    committee: '751',
    resolution: '1407',
    adoptedOn: '2002-05-03',
    paragraph: '8',
    title: 'Report on the measures in place to enforce the Somalia arms embargo',
    kind: 'report',
    // The Committee is the one resolution 751 (1992) set up: the resolution's preamble names it "le Comité".
    quote:
      "8. Prie tous les États de présenter au Comité, au plus tard soixante jours à partir de la date de l'adoption de la présente résolution, et par la suite selon un calendrier établi par le Comité, un rapport sur les mesures qu'ils auront mises en place pour assurer le respect effectif et intégral de l'embargo sur les armes et pour compléter les mesures qu'aura prises le Conseil conformément au paragraphe 3 ci-dessus ;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Asks all States to present to the Committee, no later than 60 days from the date of adoption of this resolution and thereafter on a timetable the Committee sets, a report on the measures they have put in place to ensure full and effective respect of the arms embargo and to complement the measures the Council takes under paragraph 3 above.',
    },
    source: frenchVolumeSource('S/RES/1407 (2002)', '2001', '021'),
    due: {
      type: 'recurring',
      within: { days: 60 },
      trigger: { from: 'adoption' },
      then: { timetable: 'according to a timetable the Committee sets (selon un calendrier établi par le Comité)' },
    },
  },
  {
    id: '1844-p25-measures',
    regime: 'somalia-eritrea',
    committee: '751',
    resolution: '1844',
    adoptedOn: '2008-11-20',
    paragraph: '25',
    title: 'Report on the steps taken to implement the Somalia measures of resolution 1844',
    kind: 'report',
    quote:
      '25. Décide que tous les États Membres rendront compte au Comité dans les cent vingt jours suivant l’adoption de la présente résolution des mesures qu’ils auront prises pour donner effet aux paragraphes 1 à 7 de la présente résolution;',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Decides that all Member States shall report to the Committee within 120 days of the adoption of this resolution on the measures they have taken to give effect to paragraphs 1 to 7 of this resolution.',
    },
    source: frenchVolumeSource('S/RES/1844 (2008)', '2008', '060'),
    due: { type: 'once', within: { days: 120 }, trigger: { from: 'adoption' } },
  },
];
