import type { RegistryEntry } from './registry-entry.ts';

/**
 * The ISIL (Da'esh) and Al-Qaida regime (1267/1989/2253 Committee) and the Taliban/Al-Qaida
 * resolutions before it. Resolution 1333 (2000) paragraph 20 and 1455 (2003) are in
 * docs/obligations.md under "Not in the registry".
 */
export const isilAlQaidaRegistry: readonly RegistryEntry[] = [
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
