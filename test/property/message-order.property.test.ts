import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORLD } from '../../lambdas/contracts/world.ts';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { figureChangedEvent } from '../../lambdas/core/changes/figure-change.ts';
import type { DeliveryKind } from '../../lambdas/core/delivery/delivery-records.ts';
import { type Delivery, groupDeliveries } from '../../lambdas/core/delivery/group-deliveries.ts';
import { outgoingMessage } from '../../lambdas/core/delivery/outgoing-message.ts';
import type { Figure, FigureAmount, FigureSourceKind } from '../../lambdas/core/figures/figure.ts';
import { formatAmount, formatDate } from '../../lambdas/core/messages/format.ts';
import { toGsm7 } from '../../lambdas/core/messages/gsm7.ts';
import type { OutgoingMessage } from '../../lambdas/core/ports/notifier.ts';
import { seedMetrics } from '../../lambdas/core/reference/metrics.ts';
import { matchEvents } from '../../lambdas/core/watches/match-events.ts';
import type { Watch } from '../../lambdas/core/watches/watch.ts';
import { figure, groupIdsOfState, watch } from '../support/watch-fixtures.ts';
import { eventsArb, watchesArb } from './event-arbitraries.ts';

const manageUrl = 'https://sanctions-watch.example.org/watches';
const SEED = 1718;

/** Long names, transliterated names, a worldwide figure, and the states of the story that found the bug. */
const chainStates = ['RU', 'CN', 'CI', 'ST', 'GB', 'VC', 'QA', WORLD] as const;
const days = ['2016-12-31', '2017-06-30', '2017-12-31', '2018-12-31', '2019-12-01'] as const;

const amountArb: fc.Arbitrary<FigureAmount> = fc.oneof(
  fc.constantFrom(0, 25_000, 30_023, 11_490).map((value) => ({ value })),
  fc.integer({ min: 0, max: 1_000_000 }).map((value) => ({ value })),
  fc.constantFrom({ low: 50_000, high: 80_000 }, { low: 40_000, high: 80_000 }),
);

/**
 * One state's metric written several times in one window, as change detection announces it: the
 * figure before the window (if any), then writes oldest first by the day they describe (ties on
 * a day are corrections, told apart by when they were recorded). Equal amounts announce nothing.
 */
interface FigureChain {
  readonly events: readonly [AlertEvent, ...AlertEvent[]];
  /** Where the net change starts: the figure before the first event, or its own when that was a first figure. */
  readonly start: Figure;
  readonly latest: Figure;
  /** The figures between start and latest, oldest first. */
  readonly interim: readonly Figure[];
}

const figureChainArb: fc.Arbitrary<FigureChain> = fc
  .record({
    state: fc.constantFrom(...chainStates),
    metric: fc.constantFrom(...seedMetrics.map(({ id }) => id)),
    unit: fc.constantFrom('persons', 'permits'),
    before: fc.option(fc.record({ amount: amountArb, asOf: fc.constantFrom(...days) }), { nil: undefined }),
    writes: fc.array(
      fc.record({
        amount: amountArb,
        asOf: fc.constantFrom(...days),
        kind: fc.constantFrom<FigureSourceKind>('un-report', 'national', 'estimate', 'press'),
        ref: fc.option(fc.constantFrom('1718 Committee midterm report', 'Rapport national — Côte d’Ivoire'), {
          nil: undefined,
        }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    recordedFrom: fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2020-12-31') }),
  })
  .map(({ state, metric, unit, before, writes, recordedFrom }) => {
    const figureOf = (amount: FigureAmount, asOf: string, index: number, source?: Figure['source']) =>
      figure(state, metric, amount, asOf, {
        unit,
        recordedAt: new Date(recordedFrom + index * 1_000).toISOString(),
        ...(source && { source }),
      });
    const written = [...writes]
      .sort((a, b) => a.asOf.localeCompare(b.asOf))
      .map(({ amount, asOf, kind, ref }, index) =>
        figureOf(amount, asOf, index + 1, ref === undefined ? { kind } : { kind, ref }),
      );
    let latest = before && figureOf(before.amount, before.asOf, 0);
    const announced: { event: AlertEvent; previous: Figure | undefined; current: Figure }[] = [];
    for (const current of written) {
      const event = figureChangedEvent(latest, current);
      if (event) announced.push({ event, previous: latest, current });
      latest = current;
    }
    return announced;
  })
  .filter((announced) => announced.length > 0)
  .map((announced) => {
    const [first, ...later] = announced as [(typeof announced)[number], ...typeof announced];
    const last = later.at(-1) ?? first;
    const steps = [first, ...later].map(({ current }) => current);
    return {
      events: [first.event, ...later.map(({ event }) => event)],
      start: first.previous ?? first.current,
      latest: last.current,
      interim: steps.slice(first.previous === undefined ? 1 : 0, -1),
    };
  });

const permutationOf = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

const asEmail = (delivery: Delivery): Delivery => ({ ...delivery, channel: 'email', to: 'ana@example.org' });
const asSms = (delivery: Delivery): Delivery => ({ ...delivery, channel: 'sms', to: '+447700900123' });

/** What a subscriber reads: the SMS and the email a delivery makes. */
const texts = (delivery: Delivery, kind: DeliveryKind) => ({
  sms: outgoingMessage(asSms(delivery), manageUrl, kind).sms,
  email: outgoingMessage(asEmail(delivery), manageUrl, kind).email,
});

const deliveriesOf = (events: readonly AlertEvent[], watches: readonly Watch[]): Delivery[] =>
  groupDeliveries(matchEvents(events, watches, groupIdsOfState));

describe('messages do not depend on the order events arrive in', () => {
  /** Random news of every type, with a few states' figures changed several times in the window. */
  const newsArb = fc
    .tuple(eventsArb(12), fc.array(figureChainArb, { maxLength: 3 }))
    .map(([some, chains]) => [
      ...new Map([...some, ...chains.flatMap(({ events }) => events)].map((event) => [event.id, event])).values(),
    ]);
  const runArb = newsArb.chain((events) =>
    fc.record({
      events: fc.constant(events),
      arrived: permutationOf(events),
      watches: watchesArb(events, 6),
      kind: fc.constantFrom<DeliveryKind>('alert', 'digest', 'repeat'),
    }),
  );

  it('the same events and watches, in any order, give every contact the same SMS and email', () => {
    fc.assert(
      fc.property(runArb, ({ events, arrived, watches, kind }) => {
        const deliveries = deliveriesOf(events, watches);
        const again = deliveriesOf(arrived, [...watches].reverse());

        expect(again.map(({ contact }) => contact)).toEqual(deliveries.map(({ contact }) => contact));
        deliveries.forEach((delivery, index) => {
          const other = again[index];
          expect(other && texts(other, kind)).toEqual(texts(delivery, kind));
        });
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('a delivery holding its events in any order gives the same SMS and email', () => {
    fc.assert(
      fc.property(runArb, fc.gen(), ({ events, watches, kind }, gen) => {
        for (const delivery of deliveriesOf(events, watches)) {
          const shuffled = { ...delivery, events: gen(permutationOf, delivery.events) };

          expect(texts(shuffled, kind)).toEqual(texts(delivery, kind));
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

describe('several changes of one state’s metric', () => {
  const onAll = (channel: Watch['channel']) =>
    watch({ id: 'all', target: { all: true }, events: ['figure.changed'], channel });
  const bySms = onAll({ sms: '+447700900123' });
  const byEmail = onAll({ email: 'ana@example.org' });

  const only = (messages: readonly Delivery[]): OutgoingMessage => {
    const [delivery, ...others] = messages;
    if (!delivery || others.length > 0) throw new Error('expected one delivery');
    return outgoingMessage(delivery, manageUrl);
  };

  const chainArb = figureChainArb.chain((chain) =>
    fc.record({ chain: fc.constant(chain), arrived: permutationOf(chain.events) }),
  );

  it('read, in any order, as the one change from the figure before them to the latest', () => {
    fc.assert(
      fc.property(chainArb, ({ chain, arrived }) => {
        const { start, latest, interim } = chain;
        const sms = only(deliveriesOf(arrived, [bySms])).sms ?? '';
        const email = only(deliveriesOf(arrived, [byEmail])).email;
        const interimLine =
          interim.length === 0
            ? []
            : [
                `  Figures in between: ${interim.map((step) => `${formatAmount(step)} ${step.unit} as of ${formatDate(step.asOf)}`).join('; ')}.`,
              ];
        // The one event change detection would have announced had the figure gone straight from start to latest.
        const direct = chain.events.length === 1 ? chain.events[0] : figureChangedEvent(start, latest);

        expect(sms).toContain(` as of ${latest.asOf}.`);
        expect(email?.body).toContain(` as of ${formatDate(latest.asOf)}`);
        if (direct === undefined) {
          // Back where it started: no event would say that, but the text still names the latest.
          expect(sms).toContain(toGsm7(`${formatAmount(start)}→${formatAmount(latest)}`));
          expect(email?.body.split('\n')).toEqual(expect.arrayContaining(interimLine));
          return;
        }
        const told = only(deliveriesOf([direct], [byEmail])).email;
        expect(sms).toBe(only(deliveriesOf([direct], [bySms])).sms);
        expect(email?.subject).toBe(told?.subject);
        const body = email?.body.split('\n') ?? [];
        const toldBody = told?.body.split('\n') ?? [];
        expect(body).toEqual([...toldBody.slice(0, 3), ...interimLine, ...toldBody.slice(3)]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('the generator makes chains of several changes, corrections of one day and returns to the start', () => {
    const chains = fc.sample(figureChainArb, { seed: SEED, numRuns: 300 });

    expect(chains.filter(({ events }) => events.length >= 3).length).toBeGreaterThan(30);
    expect(
      chains.filter(({ interim, latest }) => interim.some(({ asOf }) => asOf === latest.asOf)).length,
    ).toBeGreaterThan(10);
    expect(
      chains.filter(({ events, start, latest }) => events.length > 1 && figureChangedEvent(start, latest) === undefined)
        .length,
    ).toBeGreaterThan(0);
    expect(
      chains.filter(({ events }) => events.length > 1 && events[0]?.data['first'] === true).length,
    ).toBeGreaterThan(10);
  });
});
