import { frenchVolumeSource } from './french-volume-source.ts';
import type { RegistryEntry } from './registry-entry.ts';

/**
 * The ISIL (Da'esh) and Al-Qaida regime (1267/1989/2253 Committee) and the Taliban/Al-Qaida
 * resolutions before it. 1267 p10, 1455 p6, 1526 p22 and 1617 p10 are quoted in French; docs/obligations.md lists
 * the later resolutions' requests that could not be read.
 */
export const isilAlQaidaRegistry: readonly RegistryEntry[] = [
  {
    id: '1333-p20-measures',
    regime: 'isil-al-qaida',
    committee: '1267',
    resolution: '1333',
    adoptedOn: '2000-12-19',
    paragraph: '20',
    title: 'Report on the steps taken to implement the Taliban measures of resolution 1333',
    kind: 'report',
    quote:
      'Requests all States to report to the Committee within 30 days of the coming into force of the measures imposed by paragraphs 5, 8, 10 and 11 above on the steps they have taken with a view to effectively implementing this resolution;',
    source: {
      document: 'S/RES/1333 (2000)',
      url: 'https://unsanctionsapp.com/checklist/implementation/reporting-requirements/reporting-requested',
      publisher: 'UN Sanctions App, checklist "Reporting requirements: requested member state reporting"',
      readOn: '2026-12-06',
    },
    due: {
      type: 'once',
      within: { days: 30 },
      trigger: {
        from: 'named-date',
        name: 'the measures of paragraphs 5, 8, 10 and 11 of resolution 1333 (2000) coming into force',
        // People's Daily, 20 January 2001: the sanctions "automatically came into force Friday", i.e. 19 January 2001.
        date: '2001-01-19',
        sourceUrl: 'https://en.people.cn/english/200101/20/print20010120_60952.html',
      },
    },
  },
  {
    id: '1390-p6-measures',
    regime: 'isil-al-qaida',
    committee: '1267',
    resolution: '1390',
    adoptedOn: '2002-01-16',
    paragraph: '6',
    title: 'Report on the steps taken to implement the measures of paragraph 2',
    kind: 'report',
    quote:
      'Requests all States to report to the Committee, no later than 90 days from the date of adoption of this resolution and thereafter according to a timetable to be proposed by the Committee, on the steps they have taken to implement the measures referred to in paragraph 2 above;',
    source: {
      document: 'S/RES/1390 (2002)',
      url: 'https://unsanctionsapp.com/checklist/implementation/reporting-requirements/reporting-requested',
      publisher: 'UN Sanctions App, checklist "Reporting requirements: requested member state reporting"',
      readOn: '2026-12-05',
    },
    due: {
      type: 'recurring',
      within: { days: 90 },
      trigger: { from: 'adoption' },
      then: { timetable: 'according to a timetable to be proposed by the Committee' },
    },
  },
  {
    id: '1267-p10-measures',
    regime: 'isil-al-qaida',
    committee: '1267',
    resolution: '1267',
    adoptedOn: '1999-10-15',
    paragraph: '10',
    title: 'Report on the steps taken to implement the Taliban measures of resolution 1267',
    kind: 'report',
    // Paragraph 3 (page 165 of the same volume) has all States impose the measures of paragraph 4 on 14 November 1999 unless the Council decides before then that the Taliban have complied; no page read says it did (docs/obligations.md, "Where the adoption dates ... were read").
    quote:
      "10. Demande à tous les États de rendre compte au Comité créé en application du para graphe 6 ci-dessus, dans les trente jours qui suivront l'entrée en vigueur des mesures imposées par le paragraphe 4 ci-dessus, des dispositions qu'ils auront prises pour appliquer ledit paragraphe 4;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Calls on all States to report to the Committee set up under paragraph 6 above, within 30 days of the coming into force of the measures imposed by paragraph 4 above, on the steps they have taken to implement that paragraph 4.',
    },
    source: frenchVolumeSource('S/RES/1267 (1999)', '1999', '166'),
    due: {
      type: 'once',
      within: { days: 30 },
      trigger: {
        from: 'named-date',
        name: 'the measures of paragraph 4 of resolution 1267 (1999) coming into force',
        date: '1999-11-14',
        sourceUrl: 'https://machinman.net/un/best/un_resolution_1999/165.html',
      },
    },
  },
  {
    id: '1455-p6-updated-report',
    regime: 'isil-al-qaida',
    committee: '1267',
    resolution: '1455',
    adoptedOn: '2003-01-17',
    paragraph: '6',
    title: 'Updated report on the measures against Al-Qaida and the Taliban, with the assets frozen',
    kind: 'report',
    quote:
      "6. Demande également à tous les États de présenter un rapport actualisé au Comité au plus tard quatre-vingt-dix jours après l'adoption de la présente résolution sur toutes les dispo sitions qu'ils auront prises pour appliquer les mesures visées au paragraphe 1 ci-dessus et sur toutes les enquêtes menées et poursuites engagées à ce titre, y compris un état détaillé récapitulant les avoirs des personnes et des entités inscrites sur la liste qui ont été gelés sur le territoire des États Membres, sauf si cela compromettait les enquêtes ou les poursuites ;",
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Also calls on all States to submit an updated report to the Committee no later than 90 days after the adoption of this resolution on all the steps they have taken to implement the measures of paragraph 1 above and on all investigations and prosecutions under them, including a detailed statement of the frozen assets of listed persons and entities, unless that would compromise investigations or prosecutions.',
    },
    source: frenchVolumeSource('S/RES/1455 (2003)', '2002', '084'),
    due: { type: 'once', within: { days: 90 }, trigger: { from: 'adoption' } },
  },
  {
    id: '1526-p22-updated-reports',
    regime: 'isil-al-qaida',
    committee: '1267',
    resolution: '1526',
    adoptedOn: '2004-01-30',
    paragraph: '22',
    title: 'Updated report under 1455 p6, from the states that had not yet submitted one',
    kind: 'report',
    // The same updated reports as 1455-p6-updated-report, asked again of the states that had not sent them, with a day of its own.
    quote:
      'Prie tous les États qui ne l’ont pas encore fait de présenter au Comité, le 31 mars 2004 au plus tard, les rapports actualisés demandés au paragraphe 6 de la résolution 1455 (2003)',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Requests all States that have not yet done so to submit to the Committee, by 31 March 2004, the updated reports requested in paragraph 6 of resolution 1455 (2003).',
    },
    source: frenchVolumeSource('S/RES/1526 (2004)', '2003', '109'),
    due: { type: 'by-date', date: '2004-03-31' },
  },
  {
    id: '1617-p10-checklist',
    regime: 'isil-al-qaida',
    committee: '1267',
    resolution: '1617',
    adoptedOn: '2005-07-29',
    paragraph: '10',
    title: 'First report to the 1267 Committee on the annex II checklist',
    kind: 'report',
    quote:
      'Demande à tous les États Membres d’utiliser la liste de contrôle figurant à l’annexe II de la présente résolution pour présenter un premier rapport au Comité le 1er mars 2006 au plus tard sur les mesures précises qu’ils auront prises pour appliquer les mesures définies au paragraphe 1 ci-dessus',
    quoteIn: {
      language: 'fr',
      ourGloss:
        'Calls on all Member States to use the checklist in annex II of this resolution to submit a first report to the Committee by 1 March 2006 on the specific measures they have taken to apply the measures of paragraph 1 above.',
    },
    source: frenchVolumeSource('S/RES/1617 (2005)', '2004', '073'),
    due: { type: 'by-date', date: '2006-03-01' },
  },
];
