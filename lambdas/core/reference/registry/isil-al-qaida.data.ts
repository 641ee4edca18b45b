import type { RegistryEntry } from './registry-entry.ts';

/**
 * The ISIL (Da'esh) and Al-Qaida regime (1267/1989/2253 Committee) and the Taliban/Al-Qaida
 * resolutions before it. Resolution 1455 (2003) is in docs/obligations.md under "Not in the
 * registry".
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
];
