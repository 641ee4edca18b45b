import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { alertEventId, dedupKeys } from '../../lambdas/core/alerts/alert-event-id.ts';
import {
  type CheckerMemory,
  type DeadlineCheckResult,
  deriveDeadlineEvents,
} from '../../lambdas/core/checks/deadline-events.ts';
import type { Figure, FigureAmount } from '../../lambdas/core/figures/figure.ts';
import { defineObligation, type Obligation } from '../../lambdas/core/obligations/obligation.ts';
import { groupsOfState } from '../../lambdas/core/reference/groups.ts';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import type { Report } from '../../lambdas/core/reports/report.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { seededObligation } from '../support/registry-obligations.ts';

const MIDTERM = '2397-p8-midterm';
const REPATRIATION = '2397-p8-repatriation';

const groupIdsOfState = (alpha2: string): ReadonlySet<string> =>
  new Set(groupsOfState(alpha2).map((group) => group.id));

const report = (state: string, received: string, fields: Partial<Report> = {}): Report => ({
  state,
  obligationId: MIDTERM,
  reportDate: isoDate(received),
  public: true,
  recordedAt: '2019-06-01T00:00:00.000Z',
  ...fields,
});

const figure = (state: string, asOf: string, amount: FigureAmount, metric = 'workers.remaining'): Figure => ({
  ...amount,
  state,
  metric,
  unit: 'persons',
  asOf: isoDate(asOf),
  source: { kind: 'national' },
  recordedAt: '2019-12-20T00:00:00.000Z',
});

interface RunOptions {
  readonly reports?: readonly Report[];
  readonly remaining?: readonly Figure[];
  readonly memory?: readonly CheckerMemory[];
  readonly obligations?: readonly Obligation[];
  readonly thresholds?: readonly number[];
}

const run = (at: string, options: RunOptions = {}): DeadlineCheckResult =>
  deriveDeadlineEvents({
    at: new Date(at),
    obligations: options.obligations ?? seedObligations,
    states: memberStates(),
    groupIdsOfState,
    reports: options.reports ?? [],
    remaining: options.remaining ?? [],
    memory: options.memory ?? [],
    ...(options.thresholds === undefined ? {} : { thresholds: options.thresholds }),
  });

/** What the caller does: write the changed entries back over the stored ones. */
const remember = (stored: readonly CheckerMemory[], changed: readonly CheckerMemory[]): CheckerMemory[] => {
  const key = (entry: CheckerMemory) => `${entry.obligationId}|${entry.dueDate}`;
  const merged = new Map(stored.map((entry) => [key(entry), entry]));
  for (const entry of changed) merged.set(key(entry), entry);
  return [...merged.values()];
};

const ofType = (events: readonly AlertEvent[], type: AlertEvent['type']) =>
  events.filter((event) => event.type === type);

/** On time, except CN's which is withheld from publication: none of them is overdue. */
const onTimeReports = (): Report[] => [
  report('DE', '2019-03-01'),
  report('JP', '2019-03-20'),
  report('PL', '2019-03-22'),
  report('RU', '2019-03-22'),
  report('CN', '2019-03-15', { public: false }),
];
/** Those, and France's report reaching the Committee on 1 April, 10 days late. */
const withLateFrance = (): Report[] => [
  ...onTimeReports(),
  report('FR', '2019-03-20', { receivedOn: isoDate('2019-04-01') }),
];

describe('deriveDeadlineEvents: deadline.approaching', () => {
  it('30 days before the midterm deadline (2019-02-20) announces it once, all 193 pending', () => {
    const { events, memory } = run('2019-02-20T06:00:00.000Z');
    expect(events).toHaveLength(1);
    const [event] = events;
    const dedupKey = 'deadline.approaching:2397-p8-midterm:2019-03-22:30';
    expect(event).toMatchObject({
      id: alertEventId(dedupKey),
      type: 'deadline.approaching',
      at: '2019-02-20T06:00:00.000Z',
      obligationId: MIDTERM,
      dedupKey,
      data: {
        title: 'Midterm report on repatriated DPRK workers',
        kind: 'report',
        dueDate: '2019-03-22',
        daysLeft: 30,
        threshold: 30,
        pendingCount: 193,
      },
    });
    expect(event?.data.pendingStates).toHaveLength(193);
    expect((event?.data.pendingStates as unknown[])[0]).toEqual({ code: 'AD', name: 'Andorra' });
    expect(memory).toEqual([
      { obligationId: MIDTERM, dueDate: '2019-03-22', approaching: [30], overdue: [], passed: false },
    ]);
  });

  it('31 days before announces nothing', () => {
    expect(run('2019-02-19T23:59:59.999Z')).toEqual({ events: [], memory: [] });
  });

  it('with the memory written back, the same day and the rest of the window stay quiet', () => {
    const first = run('2019-02-20T06:00:00.000Z');
    const memory = remember([], first.memory);
    expect(run('2019-02-20T18:00:00.000Z', { memory })).toEqual({ events: [], memory: [] });
    expect(run('2019-03-14T00:00:00.000Z', { memory })).toEqual({ events: [], memory: [] });
  });

  it('on 2019-03-16 (6 days left) announces the 7-day threshold, leaving out who has reported', () => {
    const memory = remember([], run('2019-02-20T06:00:00.000Z').memory);
    const { events, memory: changed } = run('2019-03-16T00:00:00.000Z', {
      memory,
      reports: [report('DE', '2019-03-01'), report('CN', '2019-03-15', { public: false })],
    });
    expect(events.map((event) => event.dedupKey)).toEqual(['deadline.approaching:2397-p8-midterm:2019-03-22:7']);
    expect(events[0]?.data).toMatchObject({ daysLeft: 6, threshold: 7, pendingCount: 191 });
    expect(changed).toEqual([
      { obligationId: MIDTERM, dueDate: '2019-03-22', approaching: [30, 7], overdue: [], passed: false },
    ]);
  });

  it('does not send a skipped larger threshold retroactively', () => {
    const { events } = run('2019-03-16T00:00:00.000Z');
    expect(events.map((event) => event.data.threshold)).toEqual([7]);
  });

  it('re-run for an earlier day after a later threshold was announced, stays quiet', () => {
    const memory = remember([], run('2019-03-16T00:00:00.000Z').memory);
    expect(run('2019-02-20T06:00:00.000Z', { memory })).toEqual({ events: [], memory: [] });
  });

  it('announces the 1-day threshold the day before and nothing on the due day itself', () => {
    const day1 = run('2019-03-21T12:00:00.000Z');
    expect(day1.events.map((event) => event.data)).toMatchObject([{ daysLeft: 1, threshold: 1 }]);
    expect(run('2019-03-22T23:59:59.999Z', { memory: day1.memory }).events).toEqual([]);
  });

  it('announces nothing on the due day itself, even with no memory of the day before', () => {
    expect(run('2019-03-22T06:00:00.000Z')).toEqual({ events: [], memory: [] });
  });

  it('honours custom thresholds', () => {
    expect(
      run('2019-03-10T00:00:00.000Z', { thresholds: [14, 3] }).events.map((event) => event.data.threshold),
    ).toEqual([14]);
  });

  it('starts afresh when the due date moved', () => {
    const stale: CheckerMemory = {
      obligationId: MIDTERM,
      dueDate: isoDate('2019-03-15'),
      approaching: [30],
      overdue: [],
      passed: false,
    };
    const { events, memory } = run('2019-02-20T06:00:00.000Z', { memory: [stale] });
    expect(events.map((event) => event.dedupKey)).toEqual(['deadline.approaching:2397-p8-midterm:2019-03-22:30']);
    expect(memory.map((entry) => entry.dueDate)).toEqual(['2019-03-22']);
  });

  it('counts only the states a group-scoped obligation applies to', () => {
    const midterm = seedObligations.find((obligation) => obligation.id === MIDTERM);
    if (!midterm) throw new Error('no seeded midterm obligation');
    const africanReport = defineObligation({
      ...midterm,
      id: 'test-african-report',
      appliesTo: { scope: 'group', groupId: 'african-group' },
    });
    const { events } = run('2019-02-20T06:00:00.000Z', { obligations: [africanReport] });
    expect(events.map((event) => event.data.pendingCount)).toEqual([54]);
  });
});

describe('deriveDeadlineEvents: report.overdue', () => {
  const firstRun = () => run('2019-03-23T00:00:00.000Z', { reports: withLateFrance() });
  const overdueOf = (result: DeadlineCheckResult) => ofType(result.events, 'report.overdue');

  it('on 2019-03-23 announces every state without a report, each once', () => {
    const overdue = overdueOf(firstRun());
    expect(overdue).toHaveLength(193 - onTimeReports().length);
    expect(new Set(overdue.map((event) => event.state)).size).toBe(overdue.length);
    expect(overdue.some((event) => onTimeReports().some((on) => on.state === event.state))).toBe(false);
    expect(overdue.find((event) => event.state === 'NG')).toEqual({
      id: alertEventId('report.overdue:2397-p8-midterm:2019-03-22:NG'),
      type: 'report.overdue',
      at: '2019-03-23T00:00:00.000Z',
      state: 'NG',
      obligationId: MIDTERM,
      committee: '1718',
      data: {
        title: 'Midterm report on repatriated DPRK workers',
        dueDate: '2019-03-22',
        daysOverdue: 1,
        stateName: 'Nigeria',
      },
      dedupKey: 'report.overdue:2397-p8-midterm:2019-03-22:NG',
    });
  });

  it("names nobody overdue on the registry's duties whose reports the service does not record, though their deadlines passed years ago", () => {
    expect(new Set(overdueOf(firstRun()).map((event) => event.obligationId))).toEqual(new Set([MIDTERM]));

    const libya = seededObligation('1970-p25-measures');
    const recorded = run('2019-03-23T00:00:00.000Z', { obligations: [{ ...libya, reportsRecorded: true }] });
    expect(overdueOf(recorded)).toHaveLength(193);
  });

  it('announces France, whose report only arrives on 1 April', () => {
    expect(overdueOf(firstRun()).map((event) => event.state)).toContain('FR');
  });

  it('remembers the announced states, sorted', () => {
    const first = firstRun();
    const entry = first.memory.find((candidate) => candidate.obligationId === MIDTERM);
    expect(entry?.overdue).toEqual(
      overdueOf(first)
        .map((event) => event.state)
        .sort(),
    );
  });

  it('remembers the states announced before and now in one sorted list', () => {
    const before: CheckerMemory = {
      obligationId: MIDTERM,
      dueDate: isoDate('2019-03-22'),
      approaching: [30, 7, 1],
      overdue: ['ZW'],
      passed: false,
    };
    const result = run('2019-03-23T00:00:00.000Z', { reports: withLateFrance(), memory: [before] });
    const announcedNow = overdueOf(result).map((event) => event.state);
    expect(announcedNow).not.toContain('ZW');
    expect(result.memory.find((candidate) => candidate.obligationId === MIDTERM)?.overdue).toEqual(
      [...announcedNow, 'ZW'].sort(),
    );
  });

  it('a second run with the returned memory emits nothing', () => {
    expect(run('2019-03-23T12:00:00.000Z', { reports: withLateFrance(), memory: firstRun().memory })).toEqual({
      events: [],
      memory: [],
    });
  });

  it('France, once its late report is in, is not announced again', () => {
    const later = run('2019-04-02T00:00:00.000Z', { reports: withLateFrance(), memory: firstRun().memory });
    expect(later.events).toEqual([]);
  });

  it('without memory a late reporter is not announced at all: it is no longer overdue', () => {
    const fresh = ofType(run('2019-04-02T00:00:00.000Z', { reports: withLateFrance() }).events, 'report.overdue');
    expect(fresh.map((event) => event.state)).not.toContain('FR');
    expect(fresh).toHaveLength(193 - onTimeReports().length - 1);
    expect(fresh[0]?.data.daysOverdue).toBe(11);
  });
});

describe('deriveDeadlineEvents: deadline.passed', () => {
  const remaining = (): Figure[] => [
    figure('PL', '2019-11-30', { value: 0 }),
    // Made up for the test: no such figure was reported for Malaysia.
    figure('MY', '2019-12-01', { value: 1000 }),
    // Made up as well, in the shape of China's 50,000–80,000 estimate.
    figure('CN', '2019-12-10', { low: 50_000, high: 80_000 }),
    // Russia's 11,490 is a work-permit count, not workers remaining: it must not show up.
    figure('RU', '2019-12-01', { value: 11_490 }, 'work-permits.valid'),
    // Dated after the check: not known yet on 2019-12-23.
    figure('MY', '2020-01-10', { value: 0 }),
  ];
  const at = '2019-12-23T03:00:00.000Z';
  const dayAfter = () => run(at, { remaining: remaining() });

  it('on 2019-12-23 announces the repatriation deadline once, PL met and the rest not', () => {
    const passed = ofType(dayAfter().events, 'deadline.passed');
    expect(passed).toHaveLength(1);
    const [event] = passed;
    expect(event).toMatchObject({
      type: 'deadline.passed',
      at,
      obligationId: REPATRIATION,
      dedupKey: 'deadline.passed:2397-p8-repatriation:2019-12-22',
      data: {
        title: 'Repatriation of all DPRK nationals earning income abroad',
        dueDate: '2019-12-22',
        daysPassed: 1,
        metCount: 1,
        met: [{ code: 'PL', name: 'Poland' }],
        notMetCount: 192,
      },
    });
    const notMet = event?.data.notMet as readonly { code: string }[];
    expect(notMet).toHaveLength(192);
    expect(notMet.find((state) => state.code === 'MY')).toEqual({
      code: 'MY',
      name: 'Malaysia',
      remaining: 1000,
      asOf: '2019-12-01',
    });
    expect(notMet.find((state) => state.code === 'CN')).toEqual({
      code: 'CN',
      name: 'China',
      remaining: { low: 50_000, high: 80_000 },
      asOf: '2019-12-10',
    });
    expect(notMet.find((state) => state.code === 'RU')).toEqual({ code: 'RU', name: 'Russia' });
  });

  it('is not announced on the due day itself, only from the day after', () => {
    expect(ofType(run('2019-12-22T23:59:59.999Z', { remaining: remaining() }).events, 'deadline.passed')).toEqual([]);
  });

  it("takes each state's latest figure before the check, wherever it is in the list", () => {
    const [event] = ofType(
      run(at, {
        remaining: [
          figure('PL', '2019-11-01', { value: 40 }),
          figure('PL', '2019-11-30', { value: 0 }),
          figure('PL', '2019-11-15', { value: 30 }),
          figure('MY', '2019-12-01', { value: 1000 }),
          figure('MY', '2019-12-20', { value: 600 }),
          figure('MY', '2019-12-10', { value: 800 }),
        ],
      }).events,
      'deadline.passed',
    );
    expect(event?.data.met).toEqual([{ code: 'PL', name: 'Poland' }]);
    expect((event?.data.notMet as readonly { code: string }[]).find((state) => state.code === 'MY')).toEqual({
      code: 'MY',
      name: 'Malaysia',
      remaining: 600,
      asOf: '2019-12-20',
    });
  });

  it('counts only the states a group-scoped action obligation applies to, met or not', () => {
    const repatriation = seedObligations.find((obligation) => obligation.id === REPATRIATION);
    if (!repatriation) throw new Error('no seeded repatriation obligation');
    const africanRepatriation = defineObligation({
      ...repatriation,
      id: 'test-african-repatriation',
      appliesTo: { scope: 'group', groupId: 'african-group' },
    });
    const [event] = run(at, {
      obligations: [africanRepatriation],
      remaining: [figure('GQ', '2019-12-01', { value: 0 }), figure('PL', '2019-11-30', { value: 0 })],
    }).events;
    const notMet = event?.data.notMet as readonly { code: string }[];
    expect(event?.data).toMatchObject({
      metCount: 1,
      met: [{ code: 'GQ', name: 'Equatorial Guinea' }],
      notMetCount: 53,
    });
    expect(notMet.every(({ code }) => groupIdsOfState(code).has('african-group'))).toBe(true);
  });

  it('remembers it and does not announce it again', () => {
    const result = dayAfter();
    expect(result.memory.find((entry) => entry.obligationId === REPATRIATION)).toEqual({
      obligationId: REPATRIATION,
      dueDate: '2019-12-22',
      approaching: [],
      overdue: [],
      passed: true,
    });
    expect(
      ofType(
        run('2019-12-24T00:00:00.000Z', { remaining: remaining(), memory: result.memory }).events,
        'deadline.passed',
      ),
    ).toEqual([]);
  });

  it('is deterministic: the same input yields the same events, ids and keys', () => {
    expect(dayAfter()).toEqual(dayAfter());
  });

  it('gives every event of a run its own dedup key, and an id derived from it', () => {
    const result = dayAfter();
    const keys = result.events.map((event) => event.dedupKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const event of result.events) {
      expect(event.id).toBe(alertEventId(event.dedupKey));
      expect(event.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
  });
});

describe('alert event ids and keys', () => {
  it('are spelled one way by dedupKeys', () => {
    expect(dedupKeys.deadlineApproaching(MIDTERM, isoDate('2019-03-22'), 7)).toBe(
      'deadline.approaching:2397-p8-midterm:2019-03-22:7',
    );
    expect(dedupKeys.reportOverdue(MIDTERM, isoDate('2019-03-22'), 'NG')).toBe(
      'report.overdue:2397-p8-midterm:2019-03-22:NG',
    );
    expect(dedupKeys.deadlinePassed(REPATRIATION, isoDate('2019-12-22'))).toBe(
      'deadline.passed:2397-p8-repatriation:2019-12-22',
    );
  });

  it('derive a stable 22-character URL-safe id, different per key', () => {
    const id = alertEventId('report.overdue:2397-p8-midterm:2019-03-22:NG');
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(alertEventId('report.overdue:2397-p8-midterm:2019-03-22:NG')).toBe(id);
    expect(alertEventId('report.overdue:2397-p8-midterm:2019-03-22:NE')).not.toBe(id);
  });
});
