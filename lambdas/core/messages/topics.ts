import type { AlertEventType } from '../alerts/alert-event.ts';
import type { TypedAlertEvent } from '../alerts/alert-event-data.ts';
import type { DeliveredEvent } from '../delivery/group-deliveries.ts';

export interface TopicItem<Type extends AlertEventType> {
  readonly event: Extract<TypedAlertEvent, { readonly type: Type }>;
  readonly states: readonly string[];
}

/** One piece of news as a reader takes it; never empty, so the first item gives the shared title and dates. */
export type Topic = {
  readonly [Type in AlertEventType]: {
    readonly type: Type;
    readonly items: readonly [TopicItem<Type>, ...TopicItem<Type>[]];
  };
}[AlertEventType];

/**
 * Events about a state group by type and obligation (or metric): 53 overdue events are one
 * piece of news, "53 states overdue". A deadline event already speaks for many states, so it
 * stays on its own.
 */
const topicKey = ({ event }: DeliveredEvent): string =>
  event.state === undefined ? `event:${event.id}` : `${event.type}:${event.obligationId ?? ''}:${event.metric ?? ''}`;

/** A delivery's events as topics, in delivery order (a topic sits where its first event did); at least one. */
export const topicsOf = (events: readonly DeliveredEvent[]): [Topic, ...Topic[]] => {
  const topics = new Map<string, [DeliveredEvent, ...DeliveredEvent[]]>();
  for (const delivered of events) {
    const key = topicKey(delivered);
    const items = topics.get(key);
    if (items) items.push(delivered);
    else topics.set(key, [delivered]);
  }
  // Every item of a topic has the type in its key, which TypeScript cannot follow through the map.
  const [first, ...rest] = [...topics.values()].map((items) => ({ type: items[0].event.type, items }) as Topic);
  if (!first) throw new Error('a delivery without events has no message');
  return [first, ...rest];
};

/** All states a topic concerns, in order, each once (a state may send two reports in one run). */
export const statesOf = (topic: Topic): string[] => [...new Set(topic.items.flatMap(({ states }) => states))];
