import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { typedAlertEvent } from '../../lambdas/core/alerts/alert-event-data.ts';
import {
  type DeliveryDependencies,
  type DeliveryOutcome,
  deliverMessage,
} from '../../lambdas/core/delivery/deliver.ts';
import type { DeliveryKind } from '../../lambdas/core/delivery/delivery-records.ts';
import type { Delivery } from '../../lambdas/core/delivery/group-deliveries.ts';
import { groupDeliveries } from '../../lambdas/core/delivery/group-deliveries.ts';
import { outgoingMessage } from '../../lambdas/core/delivery/outgoing-message.ts';
import { digestEntries } from '../../lambdas/core/delivery/plan-deliveries.ts';
import { mapWithConcurrency } from '../../lambdas/core/map-with-concurrency.ts';
import type { CustomGroupStore, DigestQueue } from '../../lambdas/core/ports/stores.ts';
import { groupMembership } from '../../lambdas/core/reference/group-membership.ts';
import { concernedStates, matchEvents } from '../../lambdas/core/watches/match-events.ts';

export interface DispatchDependencies extends DeliveryDependencies {
  readonly customGroups: Pick<CustomGroupStore, 'list'>;
  readonly digests: DigestQueue;
}

export interface DispatchOutcome {
  readonly matches: number;
  readonly queuedForDigest: number;
  readonly deliveries: readonly DeliveryOutcome[];
  /** Events of deliveries the notifier could not take yet: the caller must see them again. */
  readonly retryEventIds: ReadonlySet<string>;
}

/** Contacts sent at most this many messages at once, so a big run does not trip SNS's throttling. */
const SEND_CONCURRENCY = 8;

/** Sends a delivery's events that the contact has not had yet; a delivery seen before in full sends nothing. */
const deliver = async (
  delivery: Delivery,
  kind: DeliveryKind,
  deps: DeliveryDependencies,
): Promise<DeliveryOutcome> => {
  const recorded = await deps.deliveryLog.recorded([
    { contact: delivery.contact, eventIds: delivery.events.map(({ event }) => event.id) },
  ]);
  const events = delivery.events.filter(({ event }) => !recorded(delivery.contact, event.id));
  if (events.length === 0) return { contact: delivery.contact, status: 'duplicate', eventIds: [] };
  const contact = await deps.contacts.get(delivery.contact);
  const unsubscribeUrl = delivery.channel === 'email' ? await deps.unsubscribeUrl(delivery.contact) : undefined;
  return deliverMessage(
    outgoingMessage(
      { ...delivery, events },
      deps.manageUrl,
      kind,
      unsubscribeUrl === undefined ? undefined : () => unsubscribeUrl,
      contact?.signedUp ? await deps.subscriberManageUrl(contact.id) : undefined,
    ),
    { kind, watchIds: delivery.watchIds },
    deps,
    { contact },
  );
};

/**
 * The baseline the fan-out bench compares the pipeline with: delivery as it was before issue 13,
 * one stream invocation planning and sending a whole wave.
 *
 * Delivers alert events as they are stored: finds the watches that could hear them through the
 * target index (groups resolved now, so a watch on `africa` covers all 54), matches, and sends
 * each contact one message for everything it matched, or queues it for the contact's digest.
 */
export const dispatchEvents = async (
  events: readonly AlertEvent[],
  deps: DispatchDependencies,
): Promise<DispatchOutcome> => {
  const groupIdsOfState = groupMembership(await deps.customGroups.list());
  const states = [...new Set(events.flatMap((event) => concernedStates(typedAlertEvent(event))))];
  const groups = [...new Set(states.flatMap((state) => [...groupIdsOfState(state)]))];
  const candidates = await deps.watches.targeting({ states, groups });
  const matches = matchEvents(events, candidates, groupIdsOfState);
  const digest = matches.filter(({ watch }) => watch.delivery.mode === 'digest');
  const queued = digestEntries(digest, deps.clock.now().toISOString());
  if (queued.length > 0) await deps.digests.add(queued);
  const immediate = groupDeliveries(matches.filter(({ watch }) => watch.delivery.mode !== 'digest'));
  const deliveries = await mapWithConcurrency(immediate, SEND_CONCURRENCY, (delivery) =>
    deliver(delivery, 'alert', deps),
  );
  const retryEventIds = new Set(
    deliveries.filter(({ status }) => status === 'retry-later').flatMap(({ eventIds }) => eventIds),
  );
  return { matches: matches.length, queuedForDigest: queued.length, deliveries, retryEventIds };
};
