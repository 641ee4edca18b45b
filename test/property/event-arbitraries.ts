import fc from 'fast-check';
import { type AlertEvent, alertEventTypes } from '../../lambdas/core/alerts/alert-event.ts';
import { figureChangedEvent } from '../../lambdas/core/changes/figure-change.ts';
import { proposalFoundEvent } from '../../lambdas/core/changes/proposal-found.ts';
import type { Figure, FigureAmount, FigureSourceKind } from '../../lambdas/core/figures/figure.ts';
import { groupMembership } from '../../lambdas/core/reference/group-membership.ts';
import { builtInGroups, type Group } from '../../lambdas/core/reference/groups.ts';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import { seedMetrics } from '../../lambdas/core/reference/metrics.ts';
import { proposalIdOf } from '../../lambdas/core/sources/stored-proposal.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import type { GroupIdsOfState } from '../../lambdas/core/watches/match-events.ts';
import type { Watch, WatchChannel, WatchStatus } from '../../lambdas/core/watches/watch.ts';
import {
  checkerEvents,
  figure,
  MIDTERM,
  midtermReportReceived,
  REPATRIATION,
  report,
  watch,
} from '../support/watch-fixtures.ts';

/**
 * Random alert events made by the real builders (the deadline checker, figureChangedEvent,
 * reportReceivedEvent through the fixtures) and random watches over them, for the matching,
 * grouping and message properties.
 */

export const FINAL = '2397-p8-final';
export const obligationIds = [MIDTERM, REPATRIATION, FINAL] as const;
export const metricIds = seedMetrics.map((metric) => metric.id);
export const codes = memberStates().map((state) => state.alpha2);

/** Names that need transliterating (Côte d'Ivoire, São Tomé and Príncipe, Türkiye) or are long, picked often. */
const awkwardCodes = [
  'CI',
  'ST',
  'TR',
  'VC',
  'CF',
  'BA',
  'KN',
  'GB',
  'LA',
  'CD',
  'KP',
  'RU',
  'CN',
  'NG',
  'QA',
] as const;
export const stateCode: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...awkwardCodes), fc.constantFrom(...codes));

/** A custom group an admin made (`gulf-hosts`), with random members: groups are resolved at match time. */
export const GULF_HOSTS = 'gulf-hosts';
export const groupIds = [...builtInGroups().map((group) => group.id), GULF_HOSTS, 'no-such-group'];

export const membershipArb: fc.Arbitrary<{
  readonly members: readonly string[];
  readonly groupIdsOfState: GroupIdsOfState;
}> = fc.uniqueArray(stateCode, { maxLength: 12 }).map((members) => {
  const custom: Group = { id: GULF_HOSTS, name: 'Gulf hosts', kind: 'custom', members: [...members].sort() };
  return { members, groupIdsOfState: groupMembership([custom]) };
});

/** A fixed random share of the member states. */
const sampleStates = (seed: number, share: number): string[] => {
  const size = Math.round(codes.length * share);
  return fc.sample(fc.shuffledSubarray(codes, { minLength: size, maxLength: size }), { seed, numRuns: 1 })[0] ?? [];
};

/**
 * What the checker emits at the instants that matter for resolution 2397 (each threshold of the
 * midterm deadline, the day after it, the repatriation and final deadlines), in four worlds:
 * nobody has reported, a quarter has, nearly all have, and all have on time and repatriated
 * everyone (so deadlines come with no state pending and "met by all"). Run where a test builds
 * its arbitraries, never at import, so Stryker sees which tests run the checker.
 */
const checkerRuns = (): AlertEvent[][] => {
  const worlds = [sampleStates(1, 0), sampleStates(2, 0.25), sampleStates(3, 0.9)].map((reporters) => ({
    reports: reporters.flatMap((code, index) => [
      report(code, index % 3 === 0 ? '2019-04-10' : '2019-03-01', { public: index % 7 !== 0 }),
      report(code, '2020-03-01', { obligationId: FINAL }),
    ]),
    remaining: reporters.map((code, index) =>
      figure(
        code,
        'workers.remaining',
        index % 4 === 0 ? { value: 10 * index } : index % 5 === 0 ? { low: 0, high: 40 } : { value: 0 },
        '2019-12-01',
      ),
    ),
  }));
  const allDone = {
    reports: codes.flatMap((code) => [report(code, '2019-03-01'), report(code, '2020-03-01', { obligationId: FINAL })]),
    remaining: codes.map((code) => figure(code, 'workers.remaining', { value: 0 }, '2019-12-01')),
  };
  const instants = [
    '2019-02-20T06:00:00.000Z',
    '2019-03-15T06:00:00.000Z',
    '2019-03-21T23:59:59.999Z',
    '2019-03-23T06:00:00.000Z',
    '2019-12-23T06:00:00.000Z',
    '2020-03-23T00:00:00.000Z',
  ];
  return [...worlds, allDone]
    .flatMap(({ reports, remaining }) => instants.map((at) => checkerEvents(at, reports, remaining)))
    .filter((run) => run.length > 0);
};

/** Some of the events of one checker run: e.g. most of the 193 overdue reports of 23 March 2019. */
export const checkerRunArb = (): fc.Arbitrary<AlertEvent[]> =>
  fc.constantFrom(...checkerRuns()).chain((run) => fc.subarray(run));

/** Instants of 2019–2020, to the millisecond. */
const instantMs = fc.integer({
  min: Date.parse('2019-01-01T00:00:00.000Z'),
  max: Date.parse('2020-12-31T23:59:59.999Z'),
});

const dateOf = (ms: number) => isoDate(new Date(ms).toISOString().slice(0, 10));

const amountArb: fc.Arbitrary<FigureAmount> = fc.oneof(
  fc.constantFrom(0, 1, 511, 30_023, 11_490).map((value) => ({ value })),
  fc.integer({ min: 0, max: 2_000_000_000 }).map((value) => ({ value })),
  fc
    .record({ low: fc.constantFrom(0, 50_000), high: fc.constantFrom(0, 60_000, 80_000) })
    .filter(({ low, high }) => low <= high),
  fc
    .record({ low: fc.integer({ min: 0, max: 1_000_000 }), width: fc.integer({ min: 0, max: 1_000_000 }) })
    .map(({ low, width }) => ({ low, high: low + width })),
);

/** Free text an admin may type: references, symbols, titles. Accents, dashes, emoji, CJK, control characters. */
export const freeText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength }),
    fc.string({ unit: 'binary', minLength: 1, maxLength }),
    fc.constantFrom(
      '1718 Committee midterm report',
      'Rapport à mi-parcours — Côte d’Ivoire',
      '{Draft} [€] ~|^\\',
      'Отчёт',
      '中期报告',
      'line\nbreak\ttab',
      `${'word '.repeat(40)}end`,
    ),
  );

/** A figure replacing the previous one (or the first), as change detection announces it; same amounts announce nothing. */
export const figureChangedArb: fc.Arbitrary<AlertEvent> = fc
  .record({
    state: stateCode,
    metric: fc.constantFrom(...metricIds),
    previous: fc.option(fc.record({ amount: amountArb, asOf: instantMs }), { nil: undefined, freq: 4 }),
    current: amountArb,
    asOf: instantMs,
    recordedAt: instantMs,
    source: fc.record({
      kind: fc.constantFrom<FigureSourceKind>('un-report', 'national', 'estimate', 'press'),
      ref: fc.option(freeText(200), { nil: undefined }),
    }),
  })
  .map(({ state, metric, previous, current, asOf, recordedAt, source }) => {
    const fields: Partial<Figure> = {
      recordedAt: new Date(recordedAt).toISOString(),
      source: source.ref === undefined ? { kind: source.kind } : { kind: source.kind, ref: source.ref },
    };
    return figureChangedEvent(
      previous && figure(state, metric, previous.amount, dateOf(previous.asOf)),
      figure(state, metric, current, dateOf(asOf), fields),
    );
  })
  .filter((event): event is AlertEvent => event !== undefined);

/** A midterm report recorded at some instant, on time or late, with or without an earlier one. */
export const reportReceivedArb: fc.Arbitrary<AlertEvent> = fc
  .record({
    state: stateCode,
    reportDate: fc.integer({ min: Date.parse('2019-02-01'), max: Date.parse('2019-12-31') }),
    receivedAfterDays: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    isPublic: fc.boolean(),
    symbol: fc.option(freeText(64), { nil: undefined }),
    earlier: fc.option(fc.integer({ min: Date.parse('2019-01-01'), max: Date.parse('2019-06-30') }), {
      nil: undefined,
    }),
    recordedAt: instantMs,
  })
  .map(({ state, reportDate, receivedAfterDays, isPublic, symbol, earlier, recordedAt }) => {
    const received = report(state, dateOf(reportDate), {
      public: isPublic,
      recordedAt: new Date(recordedAt).toISOString(),
      ...(receivedAfterDays === undefined ? {} : { receivedOn: dateOf(reportDate + receivedAfterDays * 86_400_000) }),
      ...(symbol === undefined ? {} : { symbol }),
    });
    return midtermReportReceived(received, earlier === undefined ? [] : [report(state, dateOf(earlier))]);
  });

/**
 * A UN document the source job took for a report: sender, committee and date each known or not,
 * any title a feed may carry (admins watch these; the public never does).
 */
export const proposalFoundArb: fc.Arbitrary<AlertEvent> = fc
  .record({
    serial: fc.integer({ min: 1, max: 400 }),
    state: fc.option(stateCode, { nil: undefined }),
    committee: fc.option(fc.constantFrom('1718', '1267', '1970'), { nil: undefined }),
    title: freeText(300),
    datedOn: fc.option(instantMs, { nil: undefined }),
    withUrl: fc.boolean(),
    foundAt: instantMs,
  })
  .map(({ serial, state, committee, title, datedOn, withUrl, foundAt }) => {
    const symbol = `S/AC.49/2019/${serial}`;
    return proposalFoundEvent({
      id: proposalIdOf(symbol),
      foundAt: new Date(foundAt).toISOString(),
      status: 'pending',
      proposal: {
        kind: 'report',
        document: { symbol, title, ...(withUrl ? { url: `https://undocs.org/${symbol}` } : {}) },
        ...(state === undefined ? {} : { state }),
        ...(committee === undefined ? {} : { committee }),
        ...(datedOn === undefined ? {} : { datedOn: dateOf(datedOn) }),
      },
    });
  });

/** Up to `maxLength` distinct events (by id, as a run never holds one fact twice), of every type. */
export const eventsArb = (maxLength: number): fc.Arbitrary<AlertEvent[]> => {
  const pool = checkerRuns().flat();
  /** Deadline events (approaching, passed) concern many states at once; few of them, so picked on their own. */
  const deadlineEvents = pool.filter((event) => event.state === undefined);
  const overdueEvents = pool.filter((event) => event.type === 'report.overdue');
  return fc.uniqueArray(
    fc.oneof(
      { arbitrary: fc.constantFrom(...deadlineEvents), weight: 2 },
      { arbitrary: fc.constantFrom(...overdueEvents), weight: 4 },
      { arbitrary: figureChangedArb, weight: 3 },
      { arbitrary: reportReceivedArb, weight: 2 },
      { arbitrary: proposalFoundArb, weight: 1 },
    ),
    { minLength: 1, maxLength, selector: (event) => event.id },
  );
};

/** An instant written with a zone offset, e.g. 2019-03-25T13:00:00.000+03:00: watches compare times, not strings. */
const withOffset = (ms: number, offsetMinutes: number): string => {
  if (offsetMinutes === 0) return new Date(ms).toISOString();
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
};

/** mutedUntil: exactly an event's instant, a millisecond either side, or anywhere; in Z or with an offset. */
const mutedUntilArb = (events: readonly AlertEvent[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.oneof(
        fc
          .tuple(fc.constantFrom(...events.map((event) => Date.parse(event.at))), fc.constantFrom(-1, 0, 1))
          .map(([ms, delta]) => ms + delta),
        instantMs,
      ),
      fc.constantFrom(0, 0, 180, -300, 330),
    )
    .map(([ms, offset]) => withOffset(ms, offset));

const contactChannels: readonly WatchChannel[] = [
  { email: 'ana@example.org' },
  { email: 'Ana@Example.org' },
  { email: 'bo@example.org' },
  { sms: '+447700900123' },
  { sms: '+97455123456' },
];

/** Watches with distinct ids over the given events: targets, filters, statuses and mutes of every kind. */
export const watchesArb = (events: readonly AlertEvent[], maxLength: number): fc.Arbitrary<Watch[]> => {
  const eventStates = [...new Set(events.flatMap((event) => (event.state === undefined ? [] : [event.state])))];
  const stateArb = eventStates.length > 0 ? fc.oneof(fc.constantFrom(...eventStates), stateCode) : stateCode;
  const target = fc.oneof(
    { arbitrary: fc.uniqueArray(stateArb, { minLength: 1, maxLength: 6 }).map((states) => ({ states })), weight: 4 },
    {
      arbitrary: fc
        .uniqueArray(fc.constantFrom(...groupIds), { minLength: 1, maxLength: 3 })
        .map((groups) => ({ groups })),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        states: fc.uniqueArray(stateArb, { minLength: 1, maxLength: 4 }),
        groups: fc.uniqueArray(fc.constantFrom(...groupIds), { minLength: 1, maxLength: 2 }),
      }),
      weight: 2,
    },
    { arbitrary: fc.constant({ all: true as const }), weight: 1 },
  );
  const one = fc.record(
    {
      target,
      events: fc.subarray([...alertEventTypes], { minLength: 1 }),
      obligations: fc.subarray([...obligationIds], { minLength: 1 }),
      metrics: fc.subarray(metricIds, { minLength: 1 }),
      minChangePct: fc.oneof(
        fc.constantFrom(0, 10, 25, 50, 53.3, 61.7, 100, 1_000),
        fc.double({ min: 0, max: 500, noNaN: true }),
      ),
      channel: fc.constantFrom(...contactChannels),
      status: fc.oneof(
        { arbitrary: fc.constant<WatchStatus>('active'), weight: 6 },
        {
          arbitrary: fc.constantFrom<WatchStatus>('pending-confirmation', 'paused', 'opted-out', 'unsubscribed'),
          weight: 1,
        },
      ),
      delivery: fc.record({ mode: fc.constantFrom('immediate' as const, 'digest' as const), resolved: fc.boolean() }),
      mutedUntil: mutedUntilArb(events),
    },
    { requiredKeys: ['target', 'events', 'channel', 'status', 'delivery'] },
  );
  return fc
    .array(one, { minLength: 1, maxLength })
    .map((list) => list.map((fields, index) => watch({ id: `w${String(index).padStart(3, '0')}`, ...fields })));
};
