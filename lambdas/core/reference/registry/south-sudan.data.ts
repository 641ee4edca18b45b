import type { RegistryEntry } from './registry-entry.ts';

/** The South Sudan regime (2206 Committee). */
export const southSudanRegistry: readonly RegistryEntry[] = [
  {
    id: '2428-p10-inspection-followup',
    regime: 'south-sudan',
    committee: '2206',
    resolution: '2428',
    adoptedOn: '2018-07-13',
    paragraph: '10',
    title: 'Follow-up report after an inspection that found prohibited items',
    kind: 'report',
    quote:
      'Requires any Member State when it undertakes an inspection pursuant to paragraph 8 of this resolution, to submit promptly an initial written report to the Committee ... and, if prohibited items for supply, sale, or transfer are found, further requires such Member States to submit to the Committee within 30 days a subsequent written report containing relevant details on the inspection, seizure, and disposal, and relevant details of the transfer, including a description of the items, their origin and intended destination, if this information is not in the initial report;',
    source: {
      document: 'S/RES/2428 (2018)',
      url: 'https://unsanctionsapp.com/checklist/implementation/reporting-requirements/reporting-conditional',
      publisher: 'UN Sanctions App, checklist "Reporting requirements: conditional member state reporting"',
      readOn: '2026-12-05',
    },
    due: {
      type: 'conditional',
      condition: 'an inspection under paragraph 8 of resolution 2428 (2018) finds prohibited items',
      within: { days: 30 },
    },
  },
];
