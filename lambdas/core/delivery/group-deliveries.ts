import { createHash } from 'node:crypto';
import type { TypedAlertEvent } from '../alerts/alert-event-data.ts';
import { compareText, inNewsOrder } from '../alerts/news-order.ts';
import { byStateName } from '../reference/state-names.ts';
import type { MatchResult } from '../watches/match-events.ts';
import { type ChannelKind, contactOf, destinationOf, type Watch } from '../watches/watch.ts';

/** One event in a delivery, with the states it concerns among those the contact's watches cover, by name. */
export interface DeliveredEvent {
  readonly event: TypedAlertEvent;
  readonly states: readonly string[];
}

/** One message to one contact for one run, however many of their watches matched. */
export interface Delivery {
  /** See contactOf. */
  readonly contact: string;
  readonly channel: ChannelKind;
  readonly to: string;
  /** The contact's watches that matched, sorted. */
  readonly watchIds: readonly string[];
  readonly events: readonly DeliveredEvent[];
  /** Same contact and same events, same key: a retried dispatch of a run is recognised. */
  readonly dedupKey: string;
}

/** Hashed so that the key carries no address into logs or table keys. */
const deliveryKey = (contact: string, eventIds: readonly string[]): string =>
  `delivery:${createHash('sha256')
    .update([contact, ...[...eventIds].sort()].join('\n'), 'utf8')
    .digest('base64url')}`;

interface Draft {
  readonly watches: Map<string, Watch>;
  readonly events: Map<string, { readonly event: TypedAlertEvent; readonly states: Set<string> }>;
}

/**
 * Turns one run's matches into one delivery per contact, each event once (two watches of a
 * contact matching it merge their states), in news order. Deliveries come sorted by contact.
 */
export const groupDeliveries = (matches: readonly MatchResult[]): Delivery[] => {
  const drafts = new Map<string, Draft>();
  for (const { watch, event, states } of matches) {
    const contact = contactOf(watch);
    const draft = drafts.get(contact) ?? { watches: new Map(), events: new Map() };
    drafts.set(contact, draft);
    draft.watches.set(watch.id, watch);
    const entry = draft.events.get(event.id) ?? { event, states: new Set<string>() };
    draft.events.set(event.id, entry);
    for (const state of states) entry.states.add(state);
  }
  return [...drafts.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([contact, { watches, events }]) => {
      const watchIds = [...watches.keys()].sort();
      // Addresses of one contact differ at most in case; the lowest watch id's spelling is used, so retries agree.
      const firstWatch = [...watches.values()].reduce((a, b) => (b.id < a.id ? b : a));
      const delivered = [...events.values()]
        .map(({ event, states }) => ({ event, states: [...states].sort(byStateName) }))
        .sort((a, b) => inNewsOrder(a.event, b.event));
      return {
        contact,
        ...destinationOf(firstWatch.channel),
        watchIds,
        events: delivered,
        dedupKey: deliveryKey(contact, [...events.keys()]),
      };
    });
};
