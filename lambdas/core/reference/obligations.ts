import { appliesToAllStates, defineObligation, type Obligation } from '../obligations/obligation.ts';
import { isoDate } from '../time/calendar-date.ts';

/**
 * The obligations the catalogue starts with: resolution 2397 (2017), paragraph 8, adopted
 * 22 December 2017. Seeded into the table on deploy and on `npm start`; admins add more there.
 */
const adoptedOn = isoDate('2017-12-22');
const source = { document: 'S/RES/2397 (2017)', url: 'https://undocs.org/S/RES/2397(2017)' } as const;

export const seedObligations: readonly Obligation[] = [
  defineObligation({
    id: '2397-p8-midterm',
    resolution: '2397',
    paragraph: '8',
    title: 'Midterm report on repatriated DPRK workers',
    description:
      'Report to the 1718 Committee on all DPRK nationals earning income who were repatriated in the first 12 months, explaining why if fewer than half were repatriated by then.',
    kind: 'report',
    adoptedOn,
    dueOffsetMonths: 15,
    appliesTo: appliesToAllStates,
    source,
  }),
  defineObligation({
    id: '2397-p8-repatriation',
    resolution: '2397',
    paragraph: '8',
    title: 'Repatriation of all DPRK nationals earning income abroad',
    description:
      'Repatriate all DPRK nationals earning income in the jurisdiction, and all DPRK government safety oversight attachés monitoring DPRK workers abroad, unless the person is a national of that state or repatriation is prohibited by national or international law.',
    kind: 'action',
    adoptedOn,
    dueOffsetMonths: 24,
    appliesTo: appliesToAllStates,
    source,
  }),
  defineObligation({
    id: '2397-p8-final',
    resolution: '2397',
    paragraph: '8',
    title: 'Final report on repatriated DPRK workers',
    description: 'Final report to the 1718 Committee on all DPRK nationals earning income who were repatriated.',
    kind: 'report',
    adoptedOn,
    dueOffsetMonths: 27,
    appliesTo: appliesToAllStates,
    source,
  }),
];
