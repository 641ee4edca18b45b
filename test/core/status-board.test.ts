import { describe, expect, it } from 'vitest';
import type { Figure } from '../../lambdas/core/figures/figure.ts';
import {
  defineObligation,
  dueMonthsAfterAdoption,
  type Obligation,
} from '../../lambdas/core/obligations/obligation.ts';
import { groupsOfState } from '../../lambdas/core/reference/groups.ts';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import type { Report } from '../../lambdas/core/reports/report.ts';
import { obligationStatusNames } from '../../lambdas/core/status/obligation-status.ts';
import { buildStatusBoard, type ObligationColumn, type StatusBoard } from '../../lambdas/core/status/status-board.ts';
import { addDays, isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { resolution2397Obligations, seededObligation } from '../support/registry-obligations.ts';

const customGroups: Record<string, readonly string[]> = { 'dprk-labour-hosts': ['CN', 'MY', 'PL', 'RU'] };

const groupIdsOfState = (alpha2: string): ReadonlySet<string> =>
  new Set([
    ...groupsOfState(alpha2).map((group) => group.id),
    ...Object.entries(customGroups).flatMap(([id, members]) => (members.includes(alpha2) ? [id] : [])),
  ]);

const report = (state: string, obligationId: string, reportDate: string, extra: Partial<Report> = {}): Report => ({
  state,
  obligationId,
  reportDate: isoDate(reportDate),
  public: true,
  recordedAt: '2020-06-01T00:00:00.000Z',
  ...extra,
});

/** 48 states that recorded the midterm report; GQ is the only African one, CN asked for it not to be published. */
const midtermReporters = [
  'AE',
  'AR',
  'AT',
  'AU',
  'BE',
  'BG',
  'BR',
  'BY',
  'CA',
  'CH',
  'CN',
  'CO',
  'CU',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GB',
  'GQ',
  'GR',
  'HU',
  'IE',
  'IN',
  'IT',
  'JP',
  'KR',
  'KW',
  'LT',
  'LU',
  'LV',
  'MN',
  'MX',
  'MY',
  'NL',
  'NO',
  'NZ',
  'PH',
  'PL',
  'PT',
  'QA',
  'RU',
  'SE',
  'SG',
  'TH',
];

const reports = (): Report[] => [
  // Spread over on-time and late days, all before 2019-12-16.
  ...midtermReporters.map((code, index) =>
    report(code, '2397-p8-midterm', addDays(isoDate('2019-03-10'), index * 4), code === 'CN' ? { public: false } : {}),
  ),
  // Submitted after the board's day: must not count yet.
  report('NG', '2397-p8-midterm', '2020-01-10'),
  // A report on another obligation must not settle the midterm one.
  report('KE', '2397-p8-final', '2019-12-01'),
];

const polandRepatriatedAll = (): Figure => ({
  state: 'PL',
  metric: 'workers.remaining',
  unit: 'persons',
  value: 0,
  asOf: isoDate('2019-11-30'),
  source: { kind: 'national' },
  recordedAt: '2019-12-05T00:00:00.000Z',
});

const at = new Date('2019-12-16T09:30:00.000Z');

const board = (overrides: Partial<Parameters<typeof buildStatusBoard>[0]> = {}): StatusBoard =>
  buildStatusBoard({
    at,
    obligations: [...resolution2397Obligations()].reverse(),
    states: memberStates(),
    groupIdsOfState,
    reports: reports(),
    remaining: [polandRepatriatedAll()],
    ...overrides,
  });

const columnOf = (result: StatusBoard, id: string): ObligationColumn => {
  const column = result.obligations.find((candidate) => candidate.obligation.id === id);
  if (!column) throw new Error(`no column ${id}`);
  return column;
};

describe('buildStatusBoard', () => {
  it('uses 48 real member codes, GQ the only African one', () => {
    const codes = new Set(memberStates().map((state) => state.alpha2));
    expect(new Set(midtermReporters).size).toBe(48);
    expect(midtermReporters.filter((code) => !codes.has(code))).toEqual([]);
    expect(midtermReporters.filter((code) => groupIdsOfState(code).has('african-group'))).toEqual(['GQ']);
  });

  it('dates the board and lists obligations by due date then id', () => {
    const result = board();
    expect(result.asOf).toBe('2019-12-16');
    expect(result.at).toBe('2019-12-16T09:30:00.000Z');
    expect(result.obligations.map((column) => column.obligation)).toEqual([
      {
        id: '2397-p8-midterm',
        title: 'Midterm report on repatriated DPRK workers',
        kind: 'report',
        dueDate: '2019-03-22',
        resolution: '2397',
        paragraph: '8',
        due: 'once',
        committee: '1718',
        regime: 'dprk',
      },
      {
        id: '2397-p8-repatriation',
        title: 'Repatriation of all DPRK nationals earning income abroad',
        kind: 'action',
        dueDate: '2019-12-22',
        resolution: '2397',
        paragraph: '8',
        due: 'once',
        committee: '1718',
        regime: 'dprk',
      },
      {
        id: '2397-p8-final',
        title: 'Final report on repatriated DPRK workers',
        kind: 'report',
        dueDate: '2020-03-22',
        resolution: '2397',
        paragraph: '8',
        due: 'once',
        committee: '1718',
        regime: 'dprk',
      },
    ]);
  });

  it('as of 2019-12-16 shows 145 states overdue on the midterm report and CN submitted but not public', () => {
    const midterm = columnOf(board(), '2397-p8-midterm');
    expect(Object.keys(midterm.counts).sort()).toEqual([...obligationStatusNames].sort());
    expect(midterm.counts).toEqual({
      'not-applicable': 0,
      open: 0,
      'not-due': 0,
      'due-soon': 0,
      submitted: midterm.counts.submitted,
      'submitted-late': midterm.counts['submitted-late'],
      'submitted-not-public': 1,
      overdue: 145,
      'deadline-passed': 0,
      met: 0,
      unrecorded: 0,
    });
    expect(midterm.counts.submitted + midterm.counts['submitted-late']).toBe(47);
    expect(midterm.counts.submitted).toBeGreaterThan(0);
    expect(midterm.states.find((state) => state.code === 'CN')?.status).toEqual({
      status: 'submitted-not-public',
      submittedOn: '2019-04-19',
      daysLate: 28,
    });
    expect(midterm.overdue).toHaveLength(145);
    expect(midterm.overdue.find((state) => state.code === 'NG')).toEqual({
      code: 'NG',
      name: 'Nigeria',
      daysOverdue: 269,
    });
    expect(midterm.overdue.some((state) => midtermReporters.includes(state.code))).toBe(false);
    const names = midterm.overdue.map((state) => state.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('keeps the states in the order given, one status each', () => {
    const midterm = columnOf(board(), '2397-p8-midterm');
    expect(midterm.states.map((state) => state.code)).toEqual(memberStates().map((state) => state.alpha2));
  });

  it('evaluates the action obligation from workers.remaining figures', () => {
    const repatriation = columnOf(board(), '2397-p8-repatriation');
    expect(repatriation.counts['due-soon']).toBe(192);
    expect(repatriation.counts.met).toBe(1);
    expect(repatriation.states.find((state) => state.code === 'PL')?.status).toEqual({
      status: 'met',
      metOn: '2019-11-30',
    });
    expect(repatriation.overdue).toEqual([]);
  });

  it('does not let a report on one obligation settle another', () => {
    const final = columnOf(board(), '2397-p8-final');
    expect(final.counts.submitted).toBe(1);
    expect(final.counts['not-due']).toBe(192);
  });

  it('narrowed to the 54 African states, where only GQ reported, shows 53 overdue', () => {
    const african = memberStates().filter((state) => groupIdsOfState(state.alpha2).has('african-group'));
    expect(african).toHaveLength(54);
    const midterm = columnOf(board({ states: african }), '2397-p8-midterm');
    expect(midterm.counts.overdue).toBe(53);
    expect(midterm.counts.submitted + midterm.counts['submitted-late']).toBe(1);
    expect(midterm.states.find((state) => state.code === 'GQ')?.status.status).toMatch(/^submitted/);
    expect(midterm.overdue).toHaveLength(53);
  });

  it('applies a group-scoped obligation only to that group’s members', () => {
    const hostsReport = defineObligation({
      id: 'test-hosts-report',
      resolution: '9999',
      paragraph: '2',
      title: 'Report by host states',
      description: 'Made up: applies to a custom group only.',
      kind: 'report',
      adoptedOn: isoDate('2019-01-01'),
      dueOffsetMonths: 6,
      appliesTo: { scope: 'group', groupId: 'dprk-labour-hosts' },
      source: { document: 'S/RES/9999' },
    });
    const column = columnOf(board({ obligations: [hostsReport] }), 'test-hosts-report');
    expect(column.counts.overdue).toBe(4);
    expect(column.counts['not-applicable']).toBe(189);
    expect(column.overdue.map((state) => state.code)).toEqual(['CN', 'MY', 'PL', 'RU']);
    expect(column.states.find((state) => state.code === 'DE')?.status).toEqual({ status: 'not-applicable' });
  });

  it('counts every state once per obligation at 193 states × 30 obligations × 11,580 reports', () => {
    const template = seededObligation('2397-p8-midterm');
    const obligations: Obligation[] = Array.from({ length: 30 }, (_, index) =>
      defineObligation({
        ...template,
        id: `bulk-${String(index).padStart(2, '0')}`,
        due: dueMonthsAfterAdoption(index),
        dueOffsetMonths: index,
      }),
    );
    // Two reports per state and obligation, one of them dated after the board's day.
    const bulkReports = memberStates().flatMap((state) =>
      obligations.flatMap((obligation) => [
        report(state.alpha2, obligation.id, '2018-06-01'),
        report(state.alpha2, obligation.id, '2020-01-01'),
      ]),
    );
    const result = board({ obligations, reports: bulkReports });
    expect(bulkReports).toHaveLength(11_580);
    expect(result.obligations).toHaveLength(30);
    for (const column of result.obligations) {
      expect(Object.values(column.counts).reduce((sum, count) => sum + count, 0)).toBe(193);
    }
  });
});
