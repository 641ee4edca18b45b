import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import type { DeliveryKind } from '../../lambdas/core/delivery/delivery-records.ts';
import { type Delivery, groupDeliveries } from '../../lambdas/core/delivery/group-deliveries.ts';
import { outgoingMessage } from '../../lambdas/core/delivery/outgoing-message.ts';
import { SUBJECT_MAX_LENGTH } from '../../lambdas/core/messages/email-message.ts';
import { gsm7Length, isGsm7 } from '../../lambdas/core/messages/gsm7.ts';
import { SMS_MAX_SEPTETS } from '../../lambdas/core/messages/sms-message.ts';
import { matchEvents } from '../../lambdas/core/watches/match-events.ts';
import { checkerRunArb, eventsArb, freeText, membershipArb, watchesArb } from './event-arbitraries.ts';

const manageUrl = 'https://sanctions-watch.example.org/watches';

/** Dotted lowercase slugs as POST /metrics takes them (metricIdSchema), up to 64 characters. */
const metricId = fc
  .stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,2}(\.[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,2}){0,2}$/)
  .filter((id) => id.length <= 64);

/**
 * Events as admins' catalogues may make them: an obligation titled with any text up to 200
 * characters (obligationSchema's title), a metric with any id the schema takes.
 */
const catalogueVariant = (event: AlertEvent): fc.Arbitrary<AlertEvent> => {
  if (event.type === 'figure.changed') {
    return fc
      .option(metricId, { freq: 3 })
      .map((metric) => (metric === null ? event : { ...event, metric, data: { ...event.data, metric } }));
  }
  return fc
    .option(freeText(200), { freq: 3 })
    .map((title) => (title === null ? event : { ...event, data: { ...event.data, title } }));
};

/** Random events of every type, sometimes with a large part of one checker run (tens of states overdue at once). */
const runEventsArb = () =>
  fc
    .tuple(eventsArb(20), fc.option(checkerRunArb(), { nil: [] }))
    .map(([some, run]) => [...new Map([...some, ...run].map((event) => [event.id, event])).values()])
    .chain((events) => fc.tuple(...events.map(catalogueVariant)));

/** Every delivery a run of random events and watches makes, as each kind of message (alerts, digests, repeats). */
const deliveriesArb = () =>
  fc.record({ membership: membershipArb, events: runEventsArb() }).chain(({ membership, events }) =>
    fc.record({
      deliveries: watchesArb(events, 12).map((watches) =>
        groupDeliveries(matchEvents(events, watches, membership.groupIdsOfState)),
      ),
      kind: fc.constantFrom<DeliveryKind>('alert', 'digest', 'repeat'),
    }),
  );

const asEmail = (delivery: Delivery): Delivery => ({ ...delivery, channel: 'email', to: 'ana@example.org' });
const asSms = (delivery: Delivery): Delivery => ({ ...delivery, channel: 'sms', to: '+447700900123' });

const SEED = 1718;

describe('message limits', () => {
  it('every email subject is 1 to 100 printable ASCII characters, with no line break', () => {
    fc.assert(
      fc.property(deliveriesArb(), ({ deliveries, kind }) => {
        for (const delivery of deliveries) {
          const subject = outgoingMessage(asEmail(delivery), manageUrl, kind).email?.subject;

          expect(subject).toMatch(/^[\x20-\x7e]+$/);
          expect(subject?.length).toBeLessThanOrEqual(SUBJECT_MAX_LENGTH);
        }
      }),
      { seed: SEED, numRuns: 250 },
    );
  });

  it('every SMS is GSM-7 and fits one segment of 160 septets', () => {
    fc.assert(
      fc.property(deliveriesArb(), ({ deliveries, kind }) => {
        for (const delivery of deliveries) {
          const text = outgoingMessage(asSms(delivery), manageUrl, kind).sms ?? '';

          expect(text.length, text).toBeGreaterThan(0);
          expect(isGsm7(text), text).toBe(true);
          expect(gsm7Length(text), text).toBeLessThanOrEqual(SMS_MAX_SEPTETS);
        }
      }),
      { seed: SEED, numRuns: 250 },
    );
  });

  it('the generators make long, accented and multi-topic messages, so the limits are tested where they bite', () => {
    const deliveries = fc.sample(deliveriesArb(), { seed: SEED, numRuns: 250 }).flatMap(({ deliveries: list }) => list);
    const names = deliveries.flatMap((delivery) => delivery.events.flatMap(({ states }) => states));
    const subjects = deliveries.map((delivery) => outgoingMessage(asEmail(delivery), manageUrl).email?.subject ?? '');
    const texts = deliveries.map((delivery) => outgoingMessage(asSms(delivery), manageUrl).sms ?? '');

    expect(deliveries.length).toBeGreaterThan(300);
    expect(names).toEqual(expect.arrayContaining(['CI', 'ST', 'TR']));
    expect(deliveries.some((delivery) => delivery.events.length >= 10)).toBe(true);
    expect(subjects.filter((subject) => subject.length >= SUBJECT_MAX_LENGTH - 5).length).toBeGreaterThan(10);
    expect(texts.filter((text) => gsm7Length(text) >= SMS_MAX_SEPTETS - 5).length).toBeGreaterThan(10);
    expect(
      subjects.some((subject) => subject.includes("Cote d'Ivoire") || subject.includes('Sao Tome and Principe')),
    ).toBe(true);
  });
});
