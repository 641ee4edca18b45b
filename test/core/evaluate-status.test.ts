import { describe, expect, it } from 'vitest';
import type { Figure, FigureAmount } from '../../lambdas/core/figures/figure.ts';
import { appliesToAllStates, defineObligation, type Obligation } from '../../lambdas/core/obligations/obligation.ts';
import type { Report } from '../../lambdas/core/reports/report.ts';
import { DEFAULT_WARNING_DAYS, evaluateStatus } from '../../lambdas/core/status/evaluate-status.ts';
import type { ObligationStatus } from '../../lambdas/core/status/obligation-status.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { seededObligation } from '../support/registry-obligations.ts';

/** Due 2019-03-22. */
const midterm = seededObligation('2397-p8-midterm');
/** Due 2019-12-22. */
const repatriation = seededObligation('2397-p8-repatriation');

const reportDueThreeMonthsAfter = (adoptedOn: string, dueOffsetMonths = 3): Obligation =>
  defineObligation({
    id: `test-${adoptedOn}`,
    resolution: '9999',
    paragraph: '1',
    title: 'Test report',
    description: 'A report obligation made up for boundary tests.',
    kind: 'report',
    adoptedOn: isoDate(adoptedOn),
    dueOffsetMonths,
    appliesTo: appliesToAllStates,
    source: { document: 'S/RES/9999' },
  });

/** Adopted 2019-11-29 + 3 months: 29 Feb 2020. */
const leapFromThe29th = reportDueThreeMonthsAfter('2019-11-29');
/** Adopted 2019-11-30 + 3 months: also 29 Feb 2020, since 30 Feb does not exist. */
const leapFromThe30th = reportDueThreeMonthsAfter('2019-11-30');
/** Adopted 2019-01-31 + 1 month: 28 Feb 2019. */
const monthEnd = reportDueThreeMonthsAfter('2019-01-31', 1);

const report = (fields: {
  reportDate: string;
  receivedOn?: string;
  publishedOn?: string;
  public?: boolean;
}): Report => ({
  state: 'XX',
  obligationId: 'any',
  reportDate: isoDate(fields.reportDate),
  ...(fields.receivedOn === undefined ? {} : { receivedOn: isoDate(fields.receivedOn) }),
  ...(fields.publishedOn === undefined ? {} : { publishedOn: isoDate(fields.publishedOn) }),
  public: fields.public ?? true,
  recordedAt: '2020-06-01T00:00:00.000Z',
});

const remaining = (
  asOf: string,
  amount: FigureAmount,
  metric = 'workers.remaining',
  recordedAt = '2020-06-01T00:00:00.000Z',
): Figure => ({
  ...amount,
  state: 'XX',
  metric,
  unit: 'persons',
  asOf: isoDate(asOf),
  source: { kind: 'national' },
  recordedAt,
});

interface Case {
  readonly name: string;
  readonly obligation: Obligation;
  readonly at: string;
  readonly reports?: readonly Report[];
  readonly figures?: readonly Figure[];
  readonly applies?: boolean;
  readonly warningDays?: number;
  readonly expected: ObligationStatus;
}

const cases: readonly Case[] = [
  // The due day itself, around midnight UTC.
  {
    name: 'last instant of the due day is still due-soon, 0 days left',
    obligation: midterm,
    at: '2019-03-22T23:59:59.999Z',
    expected: { status: 'due-soon', daysUntilDue: 0 },
  },
  {
    name: 'first instant of the due day is due-soon, 0 days left',
    obligation: midterm,
    at: '2019-03-22T00:00:00.000Z',
    expected: { status: 'due-soon', daysUntilDue: 0 },
  },
  {
    name: 'first instant after the due day is 1 day overdue',
    obligation: midterm,
    at: '2019-03-23T00:00:00.000Z',
    expected: { status: 'overdue', daysOverdue: 1 },
  },
  {
    name: 'overdue counts whole UTC days',
    obligation: midterm,
    at: '2019-12-16T12:00:00.000Z',
    expected: { status: 'overdue', daysOverdue: 269 },
  },
  {
    name: 'an instant with an offset is read in UTC',
    obligation: midterm,
    at: '2019-03-23T01:00:00+02:00',
    expected: { status: 'due-soon', daysUntilDue: 0 },
  },

  // The warning window: 30 days before is in, 31 is out.
  {
    name: '30 days before is due-soon',
    obligation: midterm,
    at: '2019-02-20T00:00:00.000Z',
    expected: { status: 'due-soon', daysUntilDue: 30 },
  },
  {
    name: '31 days before is not-due',
    obligation: midterm,
    at: '2019-02-19T23:59:59.999Z',
    expected: { status: 'not-due', daysUntilDue: 31 },
  },
  {
    name: 'a narrower warning window',
    obligation: midterm,
    at: '2019-03-14T12:00:00.000Z',
    warningDays: 7,
    expected: { status: 'not-due', daysUntilDue: 8 },
  },
  {
    name: 'the narrower window at its edge',
    obligation: midterm,
    at: '2019-03-15T12:00:00.000Z',
    warningDays: 7,
    expected: { status: 'due-soon', daysUntilDue: 7 },
  },

  // 29 February of a leap year.
  {
    name: 'due 2020-02-29 (from 29 Nov): last instant is due-soon',
    obligation: leapFromThe29th,
    at: '2020-02-29T23:59:59.999Z',
    expected: { status: 'due-soon', daysUntilDue: 0 },
  },
  {
    name: 'due 2020-02-29 (from 29 Nov): 1 March is 1 day overdue',
    obligation: leapFromThe29th,
    at: '2020-03-01T00:00:00.000Z',
    expected: { status: 'overdue', daysOverdue: 1 },
  },
  {
    name: 'due 2020-02-29 (from 30 Nov): 28 Feb has 1 day left',
    obligation: leapFromThe30th,
    at: '2020-02-28T10:00:00.000Z',
    expected: { status: 'due-soon', daysUntilDue: 1 },
  },
  {
    name: 'due 2020-02-29 (from 30 Nov): 1 March is 1 day overdue',
    obligation: leapFromThe30th,
    at: '2020-03-01T00:00:00.000Z',
    expected: { status: 'overdue', daysOverdue: 1 },
  },
  {
    name: 'due 2020-02-29: 30 Jan is day 30 of the window',
    obligation: leapFromThe30th,
    at: '2020-01-30T00:00:00.000Z',
    expected: { status: 'due-soon', daysUntilDue: 30 },
  },
  {
    name: 'due 2020-02-29: 29 Jan is outside the window',
    obligation: leapFromThe30th,
    at: '2020-01-29T23:59:59.999Z',
    expected: { status: 'not-due', daysUntilDue: 31 },
  },
  {
    name: 'due 2020-02-29: a report on 29 Feb is on time',
    obligation: leapFromThe29th,
    at: '2020-03-10T00:00:00.000Z',
    reports: [report({ reportDate: '2020-02-29' })],
    expected: { status: 'submitted', submittedOn: isoDate('2020-02-29') },
  },
  {
    name: 'due 2020-02-29: a report on 1 March is 1 day late',
    obligation: leapFromThe29th,
    at: '2020-03-10T00:00:00.000Z',
    reports: [report({ reportDate: '2020-03-01' })],
    expected: { status: 'submitted-late', submittedOn: isoDate('2020-03-01'), daysLate: 1 },
  },

  // Month ends: 31 Jan + 1 month = 28 Feb 2019.
  {
    name: 'due 2019-02-28: last instant is due-soon',
    obligation: monthEnd,
    at: '2019-02-28T23:59:59.999Z',
    expected: { status: 'due-soon', daysUntilDue: 0 },
  },
  {
    name: 'due 2019-02-28: 1 March is 1 day overdue',
    obligation: monthEnd,
    at: '2019-03-01T00:00:00.000Z',
    expected: { status: 'overdue', daysOverdue: 1 },
  },

  // Reports.
  {
    name: 'received on the due day is on time',
    obligation: midterm,
    at: '2019-04-01T00:00:00.000Z',
    reports: [report({ reportDate: '2019-03-20', receivedOn: '2019-03-22' })],
    expected: { status: 'submitted', submittedOn: isoDate('2019-03-22') },
  },
  {
    name: 'received 1 day late',
    obligation: midterm,
    at: '2019-04-01T00:00:00.000Z',
    reports: [report({ reportDate: '2019-03-23' })],
    expected: { status: 'submitted-late', submittedOn: isoDate('2019-03-23'), daysLate: 1 },
  },
  {
    name: 'a report before the deadline settles it early',
    obligation: midterm,
    at: '2019-03-01T00:00:00.000Z',
    reports: [report({ reportDate: '2019-02-27' })],
    expected: { status: 'submitted', submittedOn: isoDate('2019-02-27') },
  },
  {
    name: 'receivedOn wins over an on-time reportDate',
    obligation: midterm,
    at: '2019-04-01T00:00:00.000Z',
    reports: [report({ reportDate: '2019-03-20', receivedOn: '2019-03-25' })],
    expected: { status: 'submitted-late', submittedOn: isoDate('2019-03-25'), daysLate: 3 },
  },
  {
    name: 'receivedOn wins over a late reportDate',
    obligation: midterm,
    at: '2019-04-01T00:00:00.000Z',
    reports: [report({ reportDate: '2019-03-25', receivedOn: '2019-03-21' })],
    expected: { status: 'submitted', submittedOn: isoDate('2019-03-21') },
  },
  {
    name: 'received after `at` (by receivedOn) does not count yet',
    obligation: midterm,
    at: '2019-04-01T00:00:00.000Z',
    reports: [report({ reportDate: '2019-03-30', receivedOn: '2019-04-02' })],
    expected: { status: 'overdue', daysOverdue: 10 },
  },
  {
    name: 'a report dated after `at` is ignored',
    obligation: midterm,
    at: '2019-04-01T00:00:00.000Z',
    reports: [report({ reportDate: '2019-04-05' })],
    expected: { status: 'overdue', daysOverdue: 10 },
  },
  {
    name: 'a report submitted on the day of `at` counts',
    obligation: midterm,
    at: '2019-04-05T00:00:00.000Z',
    reports: [report({ reportDate: '2019-04-05' })],
    expected: { status: 'submitted-late', submittedOn: isoDate('2019-04-05'), daysLate: 14 },
  },
  {
    name: 'the earliest submitted report counts',
    obligation: midterm,
    at: '2019-12-01T00:00:00.000Z',
    reports: [report({ reportDate: '2019-05-01' }), report({ reportDate: '2019-03-20' })],
    expected: { status: 'submitted', submittedOn: isoDate('2019-03-20') },
  },
  {
    name: 'publication lag never matters',
    obligation: midterm,
    at: '2019-04-01T00:00:00.000Z',
    reports: [report({ reportDate: '2019-03-20', publishedOn: '2019-06-01' })],
    expected: { status: 'submitted', submittedOn: isoDate('2019-03-20') },
  },
  {
    name: 'not public and late: submitted-not-public, never overdue',
    obligation: midterm,
    at: '2019-12-16T00:00:00.000Z',
    reports: [report({ reportDate: '2019-04-10', public: false })],
    expected: { status: 'submitted-not-public', submittedOn: isoDate('2019-04-10'), daysLate: 19 },
  },
  {
    name: 'not public and on time: 0 days late',
    obligation: midterm,
    at: '2019-12-16T00:00:00.000Z',
    reports: [report({ reportDate: '2019-03-01', public: false })],
    expected: { status: 'submitted-not-public', submittedOn: isoDate('2019-03-01'), daysLate: 0 },
  },
  {
    name: 'same-day tie: the public report wins',
    obligation: midterm,
    at: '2019-12-16T00:00:00.000Z',
    reports: [report({ reportDate: '2019-03-01', public: false }), report({ reportDate: '2019-03-01' })],
    expected: { status: 'submitted', submittedOn: isoDate('2019-03-01') },
  },
  {
    name: 'same-day tie, the public report listed first: it still wins',
    obligation: midterm,
    at: '2019-12-16T00:00:00.000Z',
    reports: [report({ reportDate: '2019-03-01' }), report({ reportDate: '2019-03-01', public: false })],
    expected: { status: 'submitted', submittedOn: isoDate('2019-03-01') },
  },

  // Action obligations (repatriation, due 2019-12-22).
  {
    name: 'action: last instant of the due day is due-soon',
    obligation: repatriation,
    at: '2019-12-22T23:59:59.999Z',
    expected: { status: 'due-soon', daysUntilDue: 0 },
  },
  {
    name: 'action: first instant after is 1 day passed',
    obligation: repatriation,
    at: '2019-12-23T00:00:00.000Z',
    expected: { status: 'deadline-passed', daysPassed: 1 },
  },
  {
    name: 'action: 30 days before is due-soon',
    obligation: repatriation,
    at: '2019-11-22T00:00:00.000Z',
    expected: { status: 'due-soon', daysUntilDue: 30 },
  },
  {
    name: 'action: 31 days before is not-due',
    obligation: repatriation,
    at: '2019-11-21T23:59:59.999Z',
    expected: { status: 'not-due', daysUntilDue: 31 },
  },
  {
    name: 'action: 0 remaining before the deadline is met',
    obligation: repatriation,
    at: '2019-07-01T00:00:00.000Z',
    figures: [remaining('2019-06-30', { value: 0 })],
    expected: { status: 'met', metOn: isoDate('2019-06-30') },
  },
  {
    name: 'action: 0 remaining after the deadline is still met',
    obligation: repatriation,
    at: '2020-02-01T00:00:00.000Z',
    figures: [remaining('2019-06-30', { value: 40 }), remaining('2020-01-15', { value: 0 })],
    expected: { status: 'met', metOn: isoDate('2020-01-15') },
  },
  {
    name: 'action: a later non-zero figure undoes met',
    obligation: repatriation,
    at: '2020-02-01T00:00:00.000Z',
    figures: [remaining('2020-01-20', { value: 12 }), remaining('2019-06-30', { value: 0 })],
    expected: { status: 'deadline-passed', daysPassed: 41 },
  },
  {
    name: 'action: a 0 figure dated after `at` is ignored',
    obligation: repatriation,
    at: '2019-12-23T00:00:00.000Z',
    figures: [remaining('2019-12-01', { value: 5 }), remaining('2020-01-15', { value: 0 })],
    expected: { status: 'deadline-passed', daysPassed: 1 },
  },
  {
    name: 'action: range 0–0 is met',
    obligation: repatriation,
    at: '2020-01-01T00:00:00.000Z',
    figures: [remaining('2019-12-20', { low: 0, high: 0 })],
    expected: { status: 'met', metOn: isoDate('2019-12-20') },
  },
  {
    name: 'action: range 0–50 is not met',
    obligation: repatriation,
    at: '2020-01-01T00:00:00.000Z',
    figures: [remaining('2019-12-20', { low: 0, high: 50 })],
    expected: { status: 'deadline-passed', daysPassed: 10 },
  },
  {
    name: 'action: a 0 of another metric does not count',
    obligation: repatriation,
    at: '2020-01-01T00:00:00.000Z',
    figures: [remaining('2019-12-20', { value: 0 }, 'work-permits.valid')],
    expected: { status: 'deadline-passed', daysPassed: 10 },
  },
  {
    name: 'action: same-day figures, the last recorded wins',
    obligation: repatriation,
    at: '2020-01-01T00:00:00.000Z',
    figures: [
      remaining('2019-12-20', { value: 0 }, 'workers.remaining', '2020-01-02T00:00:00.000Z'),
      remaining('2019-12-20', { value: 3 }, 'workers.remaining', '2020-01-01T00:00:00.000Z'),
    ],
    expected: { status: 'met', metOn: isoDate('2019-12-20') },
  },
  {
    name: 'action: reports do not meet it',
    obligation: repatriation,
    at: '2020-01-01T00:00:00.000Z',
    reports: [report({ reportDate: '2019-12-01' })],
    expected: { status: 'deadline-passed', daysPassed: 10 },
  },

  // Not applicable overrides everything.
  {
    name: 'not applicable, even with a report',
    obligation: midterm,
    at: '2019-12-16T00:00:00.000Z',
    applies: false,
    reports: [report({ reportDate: '2019-03-01' })],
    expected: { status: 'not-applicable' },
  },
  {
    name: 'not applicable action, even with 0 remaining',
    obligation: repatriation,
    at: '2020-01-01T00:00:00.000Z',
    applies: false,
    figures: [remaining('2019-12-20', { value: 0 })],
    expected: { status: 'not-applicable' },
  },
];

describe('evaluateStatus', () => {
  it.each(cases)('$name', ({ obligation, at, reports = [], figures = [], applies = true, warningDays, expected }) => {
    expect(evaluateStatus({ obligation, applies, reports, remaining: figures, at: new Date(at), warningDays })).toEqual(
      expected,
    );
  });

  it('warns 30 days ahead by default', () => {
    expect(DEFAULT_WARNING_DAYS).toBe(30);
  });

  it('builds the boundary obligations on the intended due dates', () => {
    expect([leapFromThe29th.dueDate, leapFromThe30th.dueDate, monthEnd.dueDate]).toEqual([
      '2020-02-29',
      '2020-02-29',
      '2019-02-28',
    ]);
  });
});
