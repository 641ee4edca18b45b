import { describe, expect, it } from 'vitest';
import { deriveDeadlineEvents } from '../../lambdas/core/checks/deadline-events.ts';
import { appliesToAllStates, defineObligation, type Obligation } from '../../lambdas/core/obligations/obligation.ts';
import { dueDateOfCycle, type ObligationDue, offsetFrom } from '../../lambdas/core/obligations/obligation-due.ts';
import { obligationSchema } from '../../lambdas/core/obligations/obligation-schema.ts';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import type { Report } from '../../lambdas/core/reports/report.ts';
import { evaluateStanding, evaluateStatus } from '../../lambdas/core/status/evaluate-status.ts';
import { endOfUtcDay, isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { midtermStoredBeforeDueRules } from '../support/registry-obligations.ts';

const obligation = (due: ObligationDue, adoptedOn = '2016-03-02'): Obligation =>
  defineObligation({
    id: 'test-duty',
    resolution: '2270',
    paragraph: '40',
    title: 'Test duty',
    description: '',
    kind: 'report',
    adoptedOn: isoDate(adoptedOn),
    due,
    appliesTo: appliesToAllStates,
    source: { document: 'S/RES/2270 (2016)' },
  });

const report = (day: string, state = 'FR'): Report => ({
  state,
  obligationId: 'test-duty',
  reportDate: isoDate(day),
  public: true,
  recordedAt: `${day}T12:00:00.000Z`,
});

const standingOn = (duty: Obligation, day: string, reports: readonly Report[] = [], triggeredOn?: string) =>
  evaluateStanding({
    obligation: duty,
    applies: true,
    reports,
    remaining: [],
    at: endOfUtcDay(isoDate(day)),
    ...(triggeredOn === undefined ? {} : { triggeredOn: isoDate(triggeredOn) }),
  });

const adoption = { from: 'adoption' } as const;

describe('due offsets', () => {
  it('"within 90 days" of 2 March 2016 is 31 May 2016', () => {
    expect(offsetFrom(isoDate('2016-03-02'), { days: 90 })).toBe('2016-05-31');
  });

  it('15 months from 22 December 2017 is 22 March 2019, as the midterm report has always been due', () => {
    expect(offsetFrom(isoDate('2017-12-22'), { months: 15 })).toBe('2019-03-22');
    expect(seedObligations.find((o) => o.id === '2397-p8-midterm')?.dueDate).toBe('2019-03-22');
  });

  it('counts from a named date, such as the measures coming into force', () => {
    const duty = obligation({
      type: 'once',
      within: { days: 30 },
      trigger: { from: 'named-date', name: 'measures in force', date: isoDate('2001-01-19') },
    });
    expect(duty.dueDate).toBe('2001-02-18');
  });

  it('repeats every N months from the first deadline, a month end kept as the month end it can be', () => {
    const due: ObligationDue = { type: 'recurring', within: { days: 30 }, trigger: adoption, then: { everyMonths: 1 } };
    const adopted = isoDate('2016-01-01');
    expect([0, 1, 2, 3].map((cycle) => dueDateOfCycle(due, adopted, cycle))).toEqual([
      '2016-01-31',
      '2016-02-29',
      '2016-03-31',
      '2016-04-30',
    ]);
  });

  it('on a timetable, knows no deadline after the first until one is set', () => {
    const due: ObligationDue = {
      type: 'recurring',
      within: { days: 90 },
      trigger: adoption,
      then: { timetable: "the Committee's" },
    };
    expect(dueDateOfCycle(due, isoDate('2002-01-16'), 0)).toBe('2002-04-16');
    expect(dueDateOfCycle(due, isoDate('2002-01-16'), 1)).toBeUndefined();
  });
});

describe('status of every kind of duty', () => {
  it('a recurring duty: the first report settles the first cycle, then the next deadline comes due and passes', () => {
    const duty = obligation({ type: 'recurring', within: { days: 90 }, trigger: adoption, then: { everyMonths: 12 } });
    const first = [report('2016-05-20')];
    expect(standingOn(duty, '2016-06-10', first)).toEqual({
      status: { status: 'submitted', submittedOn: '2016-05-20' },
      dueDate: '2016-05-31',
    });
    expect(standingOn(duty, '2017-05-10', first)).toEqual({
      status: { status: 'due-soon', daysUntilDue: 21 },
      dueDate: '2017-05-31',
    });
    expect(standingOn(duty, '2017-06-10', first)).toEqual({
      status: { status: 'overdue', daysOverdue: 10 },
      dueDate: '2017-05-31',
    });
    expect(standingOn(duty, '2017-06-10', [...first, report('2017-06-05')])).toEqual({
      status: { status: 'submitted-late', submittedOn: '2017-06-05', daysLate: 5 },
      dueDate: '2017-05-31',
    });
  });

  it('a duty on a timetable stays settled after the first report: its next deadline is not known', () => {
    const duty = obligation({
      type: 'recurring',
      within: { days: 90 },
      trigger: adoption,
      then: { timetable: 'set later' },
    });
    expect(standingOn(duty, '2030-01-01', [report('2016-05-20')]).status).toEqual({
      status: 'submitted',
      submittedOn: '2016-05-20',
    });
  });

  it('an open-ended duty is open, never overdue, then submitted and never late', () => {
    const duty = obligation({ type: 'open-ended' });
    expect(duty.dueDate).toBeUndefined();
    expect(standingOn(duty, '2040-01-01')).toEqual({ status: { status: 'open' } });
    expect(standingOn(duty, '2040-01-01', [report('2039-01-01')])).toEqual({
      status: { status: 'submitted', submittedOn: '2039-01-01' },
    });
  });

  it('a conditional duty is not owed until its trigger is recorded, then falls due from the trigger', () => {
    const duty = obligation({ type: 'conditional', condition: 'after an inspection', within: { days: 30 } });
    expect(standingOn(duty, '2020-01-01').status).toEqual({ status: 'not-applicable' });
    expect(standingOn(duty, '2020-03-10', [], '2020-02-01')).toEqual({
      status: { status: 'overdue', daysOverdue: 8 },
      dueDate: '2020-03-02',
    });
    // A report from before the inspection does not answer it.
    expect(standingOn(duty, '2020-02-10', [report('2020-01-15')], '2020-02-01').status).toEqual({
      status: 'due-soon',
      daysUntilDue: 21,
    });
  });

  it('the checker announces overdue states on each kind, each against its own deadline, once', () => {
    const recurring = {
      ...obligation({ type: 'recurring', within: { days: 90 }, trigger: adoption, then: { everyMonths: 12 } }),
      id: 'recurring-duty',
    };
    const conditional = {
      ...obligation({ type: 'conditional', condition: 'after an inspection', within: { days: 30 } }),
      id: 'conditional-duty',
    };
    const open = { ...obligation({ type: 'open-ended' }), id: 'open-duty' };
    const states = memberStates().filter((state) => state.alpha2 === 'FR' || state.alpha2 === 'DE');
    const input = {
      at: endOfUtcDay(isoDate('2017-06-10')),
      obligations: [recurring, conditional, open],
      states,
      groupIdsOfState: () => new Set<string>(),
      reports: [{ ...report('2016-05-20', 'FR'), obligationId: 'recurring-duty' }],
      remaining: [],
      triggers: [
        {
          state: 'DE',
          obligationId: 'conditional-duty',
          on: isoDate('2017-05-01'),
          recordedAt: '2017-05-02T00:00:00Z',
        },
      ],
      memory: [],
    };
    const first = deriveDeadlineEvents(input);
    expect(
      first.events.filter((e) => e.type === 'report.overdue').map((e) => [e.obligationId, e.state, e.data.dueDate]),
    ).toEqual([
      ['recurring-duty', 'DE', '2016-05-31'],
      ['recurring-duty', 'FR', '2017-05-31'],
      ['conditional-duty', 'DE', '2017-05-31'],
    ]);
    expect(deriveDeadlineEvents({ ...input, memory: first.memory }).events).toEqual([]);
  });
});

describe('obligations stored before due rules', () => {
  // The registry's committee, regime and quote are the seed's to fill in (catalogue-repositories.test.ts).
  it('read back due once, N months after adoption', () => {
    const read = obligationSchema.parse(midtermStoredBeforeDueRules);
    expect(read).toMatchObject({
      due: { type: 'once', within: { months: 15 }, trigger: { from: 'adoption' } },
      dueDate: '2019-03-22',
      source: { document: 'S/RES/2397 (2017)' },
    });
    expect(
      evaluateStatus({
        obligation: read,
        applies: true,
        reports: [],
        remaining: [],
        at: endOfUtcDay(isoDate('2019-03-23')),
      }),
    ).toEqual({
      status: 'overdue',
      daysOverdue: 1,
    });
  });
});
