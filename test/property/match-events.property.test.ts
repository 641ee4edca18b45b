import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AlertEvent, alertEventTypes } from '../../lambdas/core/alerts/alert-event.ts';
import { groupDeliveries } from '../../lambdas/core/delivery/group-deliveries.ts';
import {
  type GroupIdsOfState,
  type MatchResult,
  matchEvent,
  matchEvents,
} from '../../lambdas/core/watches/match-events.ts';
import { contactOf, type Watch } from '../../lambdas/core/watches/watch.ts';
import { eventsArb, membershipArb, watchesArb } from './event-arbitraries.ts';

/** The alpha-2 codes in a deadline event's list of `{ code, name }`. */
const codesIn = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.flatMap((entry: unknown) =>
        typeof entry === 'object' && entry !== null && 'code' in entry && typeof entry.code === 'string'
          ? [entry.code]
          : [],
      )
    : [];

/** A figure change's absolute percentage; none for a first figure, a change from 0, or a value turned range (or back). */
const changePct = (event: AlertEvent): number | undefined => {
  if (event.type !== 'figure.changed') return undefined;
  const pct = event.data.deltaPct;
  if (typeof pct === 'number') return Math.abs(pct);
  if (
    typeof pct === 'object' &&
    pct !== null &&
    'low' in pct &&
    'high' in pct &&
    typeof pct.low === 'number' &&
    typeof pct.high === 'number'
  ) {
    return Math.max(Math.abs(pct.low), Math.abs(pct.high));
  }
  return undefined;
};

/**
 * Who hears what, read straight off the README and Watch's comments: an active watch, not muted
 * at the event's instant (mutedUntil: "events at or after it are heard again"), asking for the
 * type (or for resolutions, on a report that resolves an overdue state), passing its obligation,
 * metric and minChangePct filters, and covering a state the event concerns: its own state, or a
 * deadline's pending / not-met states, through the watch's states, its groups (resolved now) or
 * all. Returns the covered states in the event's order, or undefined.
 */
const naiveMatch = (event: AlertEvent, watch: Watch, groupIdsOfState: GroupIdsOfState): string[] | undefined => {
  if (watch.status !== 'active') return undefined;
  if (watch.mutedUntil !== undefined && Date.parse(event.at) < Date.parse(watch.mutedUntil)) return undefined;
  const resolvesOverdue = event.type === 'report.received' && event.data.resolvesOverdue === true;
  if (!watch.events.includes(event.type) && !(resolvesOverdue && watch.delivery.resolved)) return undefined;
  if (
    event.obligationId !== undefined &&
    watch.obligations !== undefined &&
    !watch.obligations.includes(event.obligationId)
  )
    return undefined;
  if (event.metric !== undefined && watch.metrics !== undefined && !watch.metrics.includes(event.metric))
    return undefined;
  const pct = changePct(event);
  if (watch.minChangePct !== undefined && pct !== undefined && pct < watch.minChangePct) return undefined;

  const concerned =
    event.state !== undefined
      ? [event.state]
      : event.type === 'deadline.approaching'
        ? codesIn(event.data.pendingStates)
        : event.type === 'deadline.passed'
          ? codesIn(event.data.notMet)
          : [];
  if (watch.target.all) return concerned;
  const covered = concerned.filter(
    (code) =>
      (watch.target.states ?? []).includes(code) ||
      (watch.target.groups ?? []).some((group) => groupIdsOfState(code).has(group)),
  );
  return covered.length > 0 ? covered : undefined;
};

const SEED = 2017;

const scenarioArb = () =>
  fc
    .record({ membership: membershipArb, events: eventsArb(12) })
    .chain(({ membership, events }) =>
      watchesArb(events, 25).map((watches) => ({ groupIdsOfState: membership.groupIdsOfState, events, watches })),
    );

const summary = ({ watch, event, states }: MatchResult) => ({ watch: watch.id, event: event.id, states });

describe('matchEvent against a naive reference', () => {
  it('agrees on every (event, watch) pair of random events and watches', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ events, watches, groupIdsOfState }) => {
        for (const event of events) {
          for (const watch of watches) {
            const found = matchEvent(event, watch, groupIdsOfState);
            const states = naiveMatch(event, watch, groupIdsOfState);
            expect(found && summary(found), `${event.type} ${event.id} × ${JSON.stringify(watch)}`).toEqual(
              states && { watch: watch.id, event: event.id, states },
            );
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('the generators produce matches of every event type, and misses, so the agreement means something', () => {
    const matchedTypes = new Set<string>();
    let [matched, missed] = [0, 0];
    for (const { events, watches, groupIdsOfState } of fc.sample(scenarioArb(), { seed: SEED, numRuns: 300 })) {
      for (const event of events) {
        for (const watch of watches) {
          if (naiveMatch(event, watch, groupIdsOfState)) {
            matched += 1;
            matchedTypes.add(event.type);
          } else missed += 1;
        }
      }
    }

    expect([...matchedTypes].sort()).toEqual([...alertEventTypes].sort());
    expect(matched).toBeGreaterThan(500);
    expect(missed).toBeGreaterThan(1_000);
  });
});

describe('matchEvents', () => {
  it('finds exactly what matchEvent finds on every (event, watch) pair, events in order, then watches in order', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ events, watches, groupIdsOfState }) => {
        const pairwise = events.flatMap((event) =>
          watches.flatMap((watch) => matchEvent(event, watch, groupIdsOfState) ?? []),
        );

        expect(matchEvents(events, watches, groupIdsOfState).map(summary)).toEqual(pairwise.map(summary));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('groupDeliveries', () => {
  const withShuffledMatches = () =>
    scenarioArb().chain((scenario) => {
      const matches = matchEvents(scenario.events, scenario.watches, scenario.groupIdsOfState);
      return fc
        .shuffledSubarray(matches, { minLength: matches.length, maxLength: matches.length })
        .map((shuffled) => ({ matches, shuffled }));
    });

  it('gives every matched contact exactly one delivery, holding each of its matched events once with the states its watches cover', () => {
    fc.assert(
      fc.property(withShuffledMatches(), ({ matches }) => {
        const deliveries = groupDeliveries(matches);
        const contacts = [...new Set(matches.map(({ watch }) => contactOf(watch)))].sort();

        expect(deliveries.map(({ contact }) => contact).sort()).toEqual(contacts);
        for (const delivery of deliveries) {
          const own = matches.filter(({ watch }) => contactOf(watch) === delivery.contact);
          const eventIds = delivery.events.map(({ event }) => event.id);

          expect(`${delivery.channel}:${delivery.channel === 'email' ? delivery.to.toLowerCase() : delivery.to}`).toBe(
            delivery.contact,
          );
          expect(delivery.watchIds).toEqual([...new Set(own.map(({ watch }) => watch.id))].sort());
          expect(new Set(eventIds).size).toBe(eventIds.length);
          expect([...eventIds].sort()).toEqual([...new Set(own.map(({ event }) => event.id))].sort());
          for (const { event, states } of delivery.events) {
            const covered = new Set(
              own.filter((match) => match.event.id === event.id).flatMap((match) => match.states),
            );
            expect(new Set(states).size).toBe(states.length);
            expect([...states].sort()).toEqual([...covered].sort());
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('gives each contact the same delivery, dedupKey included, whatever the order of the matches', () => {
    fc.assert(
      fc.property(withShuffledMatches(), ({ matches, shuffled }) => {
        const inOrder = groupDeliveries(matches);
        const reordered = groupDeliveries(shuffled);

        expect(reordered.map(({ contact, dedupKey }) => ({ contact, dedupKey }))).toEqual(
          inOrder.map(({ contact, dedupKey }) => ({ contact, dedupKey })),
        );
        expect(reordered).toEqual(inOrder);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('the generators give contacts several watches and events, so grouping is exercised', () => {
    const samples = fc
      .sample(withShuffledMatches(), { seed: SEED, numRuns: 300 })
      .map(({ matches }) => groupDeliveries(matches));

    expect(samples.some((deliveries) => deliveries.some(({ watchIds }) => watchIds.length >= 3))).toBe(true);
    expect(samples.some((deliveries) => deliveries.some(({ events }) => events.length >= 5))).toBe(true);
    expect(samples.some((deliveries) => deliveries.length >= 4)).toBe(true);
  });
});
