import { describe, expect, it } from 'vitest';
import type { Figure } from '../../lambdas/core/figures/figure.ts';
import { appliesToAllStates, defineObligation, type Obligation } from '../../lambdas/core/obligations/obligation.ts';
import type { ObligationDue } from '../../lambdas/core/obligations/obligation-due.ts';
import type { Report } from '../../lambdas/core/reports/report.ts';
import { evaluateStanding, evaluateStatus, type StatusInput } from '../../lambdas/core/status/evaluate-status.ts';
import { type IsoDate, isoDate } from '../../lambdas/core/time/calendar-date.ts';

const obligationDue = (kind: Obligation['kind'], due: ObligationDue): Obligation =>
  defineObligation({
    id: 'test-obligation',
    resolution: '9999',
    paragraph: '1',
    title: 'Test obligation',
    description: 'Made up for the due rules.',
    kind,
    adoptedOn: isoDate('2019-01-01'),
    due,
    appliesTo: appliesToAllStates,
    source: { document: 'S/RES/9999' },
  });

/** Due 30 days after an inspection found prohibited items: a trigger recorded on 10 January 2020 makes it due 9 February. */
const afterInspection = obligationDue('report', {
  type: 'conditional',
  condition: 'an inspection finds prohibited items',
  within: { days: 30 },
});
const TRIGGER = isoDate('2020-01-10');

const report = (reportDate: string, extra: Partial<Report> = {}): Report => ({
  state: 'NG',
  obligationId: 'test-obligation',
  reportDate: isoDate(reportDate),
  public: true,
  recordedAt: '2020-01-01T00:00:00.000Z',
  ...extra,
});

const input = (obligation: Obligation, at: string, extra: Partial<StatusInput> = {}): StatusInput => ({
  obligation,
  applies: true,
  reports: [],
  remaining: [],
  at: new Date(`${at}T12:00:00Z`),
  ...extra,
});

describe('a conditional duty, due a number of days after its trigger', () => {
  it('does not apply to a state until its trigger is recorded, so it has no deadline there', () => {
    expect(evaluateStanding(input(afterInspection, '2021-01-01'))).toEqual({ status: { status: 'not-applicable' } });
  });

  it('falls due 30 days after the trigger, and is overdue the day after', () => {
    expect(evaluateStanding(input(afterInspection, '2020-02-09', { triggeredOn: TRIGGER }))).toEqual({
      status: { status: 'due-soon', daysUntilDue: 0 },
      dueDate: '2020-02-09',
    });
    expect(evaluateStanding(input(afterInspection, '2020-02-10', { triggeredOn: TRIGGER }))).toEqual({
      status: { status: 'overdue', daysOverdue: 1 },
      dueDate: '2020-02-09',
    });
  });

  it('counts a report from the trigger day on, not one sent before the inspection', () => {
    const before = input(afterInspection, '2020-03-01', { triggeredOn: TRIGGER, reports: [report('2020-01-09')] });
    const onTheDay = input(afterInspection, '2020-03-01', { triggeredOn: TRIGGER, reports: [report('2020-01-10')] });

    expect(evaluateStatus(before)).toEqual({ status: 'overdue', daysOverdue: 21 });
    expect(evaluateStatus(onTheDay)).toEqual({ status: 'submitted', submittedOn: '2020-01-10' });
  });

  it('is settled for good by one report: there is no second deadline', () => {
    const settled = input(afterInspection, '2022-01-01', { triggeredOn: TRIGGER, reports: [report('2020-01-20')] });

    expect(evaluateStanding(settled)).toEqual({
      status: { status: 'submitted', submittedOn: '2020-01-20' },
      dueDate: '2020-02-09',
    });
  });
});

describe('an open-ended action, with no deadline', () => {
  const standingAction = obligationDue('action', { type: 'open-ended' });
  const remaining = (value: number, asOf: string, recordedAt: string): Figure => ({
    state: 'NG',
    metric: 'workers.remaining',
    unit: 'persons',
    value,
    asOf: isoDate(asOf),
    source: { kind: 'national' },
    recordedAt,
  });

  it('is open with no deadline until nobody remains, then met, still with no deadline', () => {
    expect(evaluateStanding(input(standingAction, '2020-01-01'))).toEqual({ status: { status: 'open' } });
    expect(
      evaluateStanding(
        input(standingAction, '2020-01-01', { remaining: [remaining(0, '2019-12-01', '2019-12-02T00:00:00Z')] }),
      ),
    ).toEqual({ status: { status: 'met', metOn: '2019-12-01' } });
  });

  it('takes the figure recorded last when two give the same day: a correction', () => {
    const zeroThenCorrected = [
      remaining(0, '2019-12-01', '2019-12-02T00:00:00Z'),
      remaining(40, '2019-12-01', '2019-12-03T00:00:00Z'),
    ];
    const fortyThenCorrected = [
      remaining(40, '2019-12-01', '2019-12-02T00:00:00Z'),
      remaining(0, '2019-12-01', '2019-12-03T00:00:00Z'),
    ];

    expect(evaluateStatus(input(standingAction, '2020-01-01', { remaining: zeroThenCorrected }))).toEqual({
      status: 'open',
    });
    expect(
      evaluateStatus(input(standingAction, '2020-01-01', { remaining: [...fortyThenCorrected].reverse() })),
    ).toEqual({ status: 'met', metOn: '2019-12-01' });
  });
});

describe('a report whose own date is known less exactly than a day', () => {
  const onceIn3Months = obligationDue('report', {
    type: 'once',
    within: { months: 3 },
    trigger: { from: 'adoption' },
  });
  const statusOf = (extra: Partial<Report>) =>
    evaluateStatus(input(onceIn3Months, '2019-12-01', { reports: [report('2019-05-31', extra)] }));

  it('says so, with its lateness as an upper bound', () => {
    expect(statusOf({ dateAccuracy: 'month' })).toEqual({
      status: 'submitted-late',
      submittedOn: '2019-05-31',
      daysLate: 60,
      dateAccuracy: 'month',
    });
  });

  it('drops the caveat when the date received is known (always a day), or the date is a day', () => {
    const received: IsoDate = isoDate('2019-05-31');
    const exact = { status: 'submitted-late', submittedOn: '2019-05-31', daysLate: 60 };

    expect(statusOf({ dateAccuracy: 'month', receivedOn: received })).toEqual(exact);
    expect(statusOf({ dateAccuracy: 'day' })).toEqual(exact);
    expect(statusOf({})).toEqual(exact);
  });
});
