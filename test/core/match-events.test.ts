import { describe, expect, it } from 'vitest';
import type { AlertEvent, AlertEventType } from '../../lambdas/core/alerts/alert-event.ts';
import { builtInGroups } from '../../lambdas/core/reference/groups.ts';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import { type MatchResult, matchEvent, matchEvents } from '../../lambdas/core/watches/match-events.ts';
import type { Watch } from '../../lambdas/core/watches/watch.ts';
import {
  checkerEvents,
  dayAfterMidterm,
  figure,
  figureChanged,
  groupIdsOfState,
  MIDTERM,
  midtermReportReceived,
  REPATRIATION,
  report,
  russiaWorkPermits,
  watch,
} from '../support/watch-fixtures.ts';

const africa = builtInGroups().find((group) => group.id === 'africa')?.members ?? [];

const ofType = (events: readonly AlertEvent[], type: AlertEventType): AlertEvent[] =>
  events.filter((event) => event.type === type);

const only = (events: readonly AlertEvent[], type: AlertEventType, state?: string): AlertEvent => {
  const found = ofType(events, type).filter((event) => state === undefined || event.state === state);
  if (found.length !== 1 || !found[0]) throw new Error(`expected one ${type} ${state ?? ''}, got ${found.length}`);
  return found[0];
};

const nigeriaOverdue = () => only(dayAfterMidterm(), 'report.overdue', 'NG');

/** 15 March 2019: the midterm deadline is 7 days away; Equatorial Guinea and Russia have reported. */
const midtermApproaching = () =>
  only(
    checkerEvents('2019-03-15T06:00:00.000Z', [report('GQ', '2019-03-10'), report('RU', '2019-03-12')]),
    'deadline.approaching',
  );

/** 23 December 2019: repatriation deadline passed; Russia still had 511, Poland none left. */
const repatriationPassed = () =>
  only(
    checkerEvents(
      '2019-12-23T06:00:00.000Z',
      [],
      [
        figure('RU', 'workers.remaining', { value: 511 }, '2019-12-01'),
        figure('PL', 'workers.remaining', { value: 0 }, '2019-12-04'),
      ],
    ),
    'deadline.passed',
  );

const statesOf = (match: MatchResult | undefined): readonly string[] | undefined => match?.states;

describe('matchEvent: who hears an event about a state', () => {
  it('a watch on the state, on a group holding it, or on all states', () => {
    expect(statesOf(matchEvent(russiaWorkPermits, watch({ id: 'w' }), groupIdsOfState))).toEqual(['RU']);
    expect(
      statesOf(
        matchEvent(russiaWorkPermits, watch({ id: 'w', target: { groups: ['eastern-europe'] } }), groupIdsOfState),
      ),
    ).toEqual(['RU']);
    expect(statesOf(matchEvent(russiaWorkPermits, watch({ id: 'w', target: { all: true } }), groupIdsOfState))).toEqual(
      ['RU'],
    );
    expect(
      matchEvent(
        russiaWorkPermits,
        watch({ id: 'w', target: { states: ['CN'], groups: ['africa'] } }),
        groupIdsOfState,
      ),
    ).toBeUndefined();
  });

  it('resolves group membership when matching, so an admin adding a state to a group takes effect at once', () => {
    const gulfWatch = watch({ id: 'w', target: { groups: ['gulf-hosts'] } });
    const before = (alpha2: string) => groupIdsOfState(alpha2);
    const after = (alpha2: string) => new Set([...groupIdsOfState(alpha2), ...(alpha2 === 'RU' ? ['gulf-hosts'] : [])]);

    expect(matchEvent(russiaWorkPermits, gulfWatch, before)).toBeUndefined();
    expect(matchEvent(russiaWorkPermits, gulfWatch, after)).toBeDefined();
  });

  it('returns the watch and the event with its data read', () => {
    const russia = watch({ id: 'w' });
    const match = matchEvent(russiaWorkPermits, russia, groupIdsOfState);

    expect(match?.watch).toBe(russia);
    expect(match?.event).toMatchObject({ id: russiaWorkPermits.id, type: 'figure.changed', data: { deltaPct: -61.7 } });
  });

  it('only active watches hear anything', () => {
    for (const status of ['pending-confirmation', 'paused', 'opted-out', 'unsubscribed'] as const) {
      expect(matchEvent(russiaWorkPermits, watch({ id: 'w', status }), groupIdsOfState), status).toBeUndefined();
    }
  });

  it('a muted watch hears nothing until mutedUntil; an event at that instant is heard', () => {
    const at = russiaWorkPermits.at; // 2019-03-25T10:00:00.000Z
    expect(
      matchEvent(russiaWorkPermits, watch({ id: 'w', mutedUntil: '2019-03-25T10:00:00.001Z' }), groupIdsOfState),
    ).toBeUndefined();
    expect(matchEvent(russiaWorkPermits, watch({ id: 'w', mutedUntil: at }), groupIdsOfState)).toBeDefined();
    // Instants compare as times, not strings: 11:00 in Moscow is 08:00Z, before the event.
    expect(
      matchEvent(russiaWorkPermits, watch({ id: 'w', mutedUntil: '2019-03-25T11:00:00+03:00' }), groupIdsOfState),
    ).toBeDefined();
  });

  it('only the event types asked for', () => {
    expect(
      matchEvent(russiaWorkPermits, watch({ id: 'w', events: ['report.overdue'] }), groupIdsOfState),
    ).toBeUndefined();
    expect(
      matchEvent(
        nigeriaOverdue(),
        watch({ id: 'w', target: { states: ['NG'] }, events: ['report.overdue'] }),
        groupIdsOfState,
      ),
    ).toBeDefined();
  });

  it('the obligation filter applies to events about an obligation, the metric filter to events about a metric', () => {
    const nigeria = { target: { states: ['NG', 'RU'] } };
    expect(
      matchEvent(nigeriaOverdue(), watch({ id: 'w', ...nigeria, obligations: ['2397-p8-final'] }), groupIdsOfState),
    ).toBeUndefined();
    expect(
      matchEvent(nigeriaOverdue(), watch({ id: 'w', ...nigeria, obligations: [MIDTERM] }), groupIdsOfState),
    ).toBeDefined();
    expect(
      matchEvent(nigeriaOverdue(), watch({ id: 'w', ...nigeria, metrics: ['workers.remaining'] }), groupIdsOfState),
    ).toBeDefined();
    expect(
      matchEvent(russiaWorkPermits, watch({ id: 'w', ...nigeria, metrics: ['workers.remaining'] }), groupIdsOfState),
    ).toBeUndefined();
    expect(
      matchEvent(
        russiaWorkPermits,
        watch({ id: 'w', ...nigeria, metrics: ['work-permits.valid'], obligations: ['2397-p8-final'] }),
        groupIdsOfState,
      ),
    ).toBeDefined();
  });
});

describe('matchEvent: minChangePct on figure changes', () => {
  const qatar = (from: number, to: number) =>
    figureChanged(
      figure('QA', 'workers.remaining', { value: from }, '2018-06-30'),
      figure('QA', 'workers.remaining', { value: to }, '2019-03-22'),
    );
  const qatarWatch = (minChangePct: number) => watch({ id: 'w', target: { states: ['QA', 'RU', 'CN'] }, minChangePct });

  it("compares the absolute change: Russia's −61.7% passes 50 and 61.7, not 62", () => {
    expect(matchEvent(russiaWorkPermits, qatarWatch(50), groupIdsOfState)).toBeDefined();
    expect(matchEvent(russiaWorkPermits, qatarWatch(61.7), groupIdsOfState)).toBeDefined();
    expect(matchEvent(russiaWorkPermits, qatarWatch(62), groupIdsOfState)).toBeUndefined();
    // Qatar, 150 → 70: −53.3%; and a rise, 70 → 80: +14.3%.
    expect(matchEvent(qatar(150, 70), qatarWatch(53), groupIdsOfState)).toBeDefined();
    expect(matchEvent(qatar(70, 80), qatarWatch(15), groupIdsOfState)).toBeUndefined();
  });

  it('a first figure and a change from 0 always pass', () => {
    const first = figureChanged(undefined, figure('QA', 'workers.remaining', { value: 150 }, '2018-06-30'));
    expect(matchEvent(first, qatarWatch(1000), groupIdsOfState)).toBeDefined();
    expect(matchEvent(qatar(0, 3), qatarWatch(1000), groupIdsOfState)).toBeDefined();
  });

  it('a range counts by its larger end change', () => {
    // China, 50,000–80,000 → 50,000–60,000: low 0%, high −25%.
    const china = figureChanged(
      figure('CN', 'workers.estimated', { low: 50_000, high: 80_000 }, '2018-12-31'),
      figure('CN', 'workers.estimated', { low: 50_000, high: 60_000 }, '2019-12-31'),
    );
    expect(matchEvent(china, qatarWatch(25), groupIdsOfState)).toBeDefined();
    expect(matchEvent(china, qatarWatch(26), groupIdsOfState)).toBeUndefined();
  });

  it('does not hold back other event types', () => {
    expect(
      matchEvent(nigeriaOverdue(), watch({ id: 'w', target: { states: ['NG'] }, minChangePct: 99 }), groupIdsOfState),
    ).toBeDefined();
  });
});

describe('matchEvent: deadline events, which have no state', () => {
  it('an africa watch hears the midterm deadline approach, for the African states still pending', () => {
    const match = matchEvent(midtermApproaching(), watch({ id: 'w', target: { groups: ['africa'] } }), groupIdsOfState);

    expect(match?.states).toHaveLength(53);
    expect(match?.states).not.toContain('GQ');
    expect(match?.states.every((code) => africa.includes(code))).toBe(true);
  });

  it('narrows to the states the watch names, and skips a watch whose states have all reported', () => {
    expect(
      statesOf(
        matchEvent(midtermApproaching(), watch({ id: 'w', target: { states: ['NG', 'RU', 'CN'] } }), groupIdsOfState),
      ),
    ).toEqual(['CN', 'NG']);
    expect(
      matchEvent(midtermApproaching(), watch({ id: 'w', target: { states: ['GQ', 'RU'] } }), groupIdsOfState),
    ).toBeUndefined();
  });

  it('a watch on all states hears it with every pending state', () => {
    expect(
      matchEvent(midtermApproaching(), watch({ id: 'w', target: { all: true } }), groupIdsOfState)?.states,
    ).toHaveLength(191);
  });

  it('deadline.passed concerns the states that did not meet it', () => {
    expect(
      statesOf(matchEvent(repatriationPassed(), watch({ id: 'w', target: { states: ['RU', 'PL'] } }), groupIdsOfState)),
    ).toEqual(['RU']);
    expect(
      matchEvent(repatriationPassed(), watch({ id: 'w', target: { states: ['PL'] } }), groupIdsOfState),
    ).toBeUndefined();
    expect(
      matchEvent(repatriationPassed(), watch({ id: 'w', obligations: [MIDTERM] }), groupIdsOfState),
    ).toBeUndefined();
    expect(
      matchEvent(repatriationPassed(), watch({ id: 'w', obligations: [REPATRIATION] }), groupIdsOfState),
    ).toBeDefined();
  });
});

describe('matchEvent: a late report that resolves an overdue state', () => {
  const lateNigeria = () => midtermReportReceived(report('NG', '2019-06-10'));
  const onTimeNigeria = () => midtermReportReceived(report('NG', '2019-03-20'));
  const overdueOnly = (resolved: boolean) =>
    watch({
      id: 'w',
      target: { states: ['NG'] },
      events: ['report.overdue'],
      delivery: { mode: 'immediate', resolved },
    });

  it('reaches a watch on overdue reports that asked for resolutions', () => {
    expect(lateNigeria().data).toMatchObject({ resolvesOverdue: true });
    expect(matchEvent(lateNigeria(), overdueOnly(true), groupIdsOfState)).toBeDefined();
    expect(matchEvent(lateNigeria(), overdueOnly(false), groupIdsOfState)).toBeUndefined();
  });

  it('reaches a watch on received reports either way; an on-time report reaches only those', () => {
    expect(
      matchEvent(
        lateNigeria(),
        watch({ id: 'w', target: { states: ['NG'] }, events: ['report.received'] }),
        groupIdsOfState,
      ),
    ).toBeDefined();
    expect(matchEvent(onTimeNigeria(), overdueOnly(true), groupIdsOfState)).toBeUndefined();
  });
});

/** A small seeded generator, so a failure can be replayed. */
const random = (seed: number) => {
  let state = seed;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(next() * list.length)];
    if (item === undefined) throw new Error('empty list');
    return item;
  };
  const some = <T>(list: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(list))),
  ];
  return { next, pick, some };
};

const eventTypes: readonly AlertEventType[] = [
  'deadline.approaching',
  'report.overdue',
  'deadline.passed',
  'report.received',
  'figure.changed',
];
const codes = memberStates().map((state) => state.alpha2);
const groupIds = [...builtInGroups().map((group) => group.id), 'no-such-group'];
const metrics = ['workers.remaining', 'workers.repatriated', 'work-permits.valid'];
const obligations = [MIDTERM, REPATRIATION, '2397-p8-final'];

const randomWatches = (count: number, { next, pick, some }: ReturnType<typeof random>): Watch[] =>
  Array.from({ length: count }, (_, index) => {
    const roll = next();
    const target =
      roll < 0.03
        ? { all: true as const }
        : roll < 0.5
          ? { states: some(codes, 5) }
          : roll < 0.8
            ? { groups: some(groupIds, 2) }
            : { states: some(codes, 3), groups: some(groupIds, 2) };
    return watch({
      id: `w${String(index).padStart(5, '0')}`,
      target,
      events: some(eventTypes, 5),
      status: next() < 0.9 ? 'active' : pick(['paused', 'pending-confirmation'] as const),
      delivery: { mode: 'immediate', resolved: next() < 0.3 },
      ...(next() < 0.2 ? { obligations: some(obligations, 2) } : {}),
      ...(next() < 0.2 ? { metrics: some(metrics, 2) } : {}),
      ...(next() < 0.2 ? { minChangePct: Math.floor(next() * 80) } : {}),
      ...(next() < 0.1 ? { mutedUntil: pick(['2019-06-01T00:00:00.000Z', '2020-06-01T00:00:00.000Z']) } : {}),
    });
  });

const randomEvents = ({ next, pick }: ReturnType<typeof random>): AlertEvent[] => {
  const reporters = codes.filter(() => next() < 0.25);
  const reports = reporters.map((code) => report(code, pick(['2019-03-01', '2019-06-10'])));
  const december = checkerEvents('2019-12-15T06:00:00.000Z', reports);
  const passed = ofType(checkerEvents('2019-12-23T06:00:00.000Z', reports), 'deadline.passed');
  const figures = Array.from({ length: 60 }, () => {
    const state = pick(codes);
    const metric = pick(metrics);
    const before = next() < 0.2 ? undefined : figure(state, metric, { value: Math.floor(next() * 1000) }, '2018-12-31');
    return figureChanged(before, figure(state, metric, { value: 1 + Math.floor(next() * 1000) }, '2019-12-31'));
  });
  const received = reporters
    .slice(0, 30)
    .flatMap((code) => reports.filter((r) => r.state === code).map((r) => midtermReportReceived(r)));
  return [...december, ...passed, ...figures, ...received];
};

describe('matchEvents', () => {
  it('finds exactly what matching every pair finds, on 3,000 random watches and hundreds of events', () => {
    const generator = random(2397);
    const watches = randomWatches(3_000, generator);
    const events = randomEvents(generator);
    const key = ({ watch: { id }, event, states }: MatchResult) => `${event.id} ${id} ${states.join(',')}`;

    const indexed = matchEvents(events, watches, groupIdsOfState).map(key);
    const naive = events
      .flatMap((event) => watches.flatMap((candidate) => matchEvent(event, candidate, groupIdsOfState) ?? []))
      .map(key);

    expect(events.length).toBeGreaterThan(200);
    expect(naive.length).toBeGreaterThan(500);
    expect(indexed).toEqual(naive);
  });

  it('lists a watch once per event even when it targets the state and a group holding it', () => {
    const both = watch({ id: 'w', target: { states: ['RU'], groups: ['europe', 'eastern-europe'], all: true } });

    expect(matchEvents([russiaWorkPermits], [both], groupIdsOfState)).toHaveLength(1);
  });
});
