import type { AlertEventType } from '../alerts/alert-event.ts';
import type { TypedAlertEvent } from '../alerts/alert-event-data.ts';
import { inNewsOrder } from '../alerts/news-order.ts';
import { type InterimFigure, netFigureChange } from '../changes/net-figure-change.ts';
import type { DeliveredEvent } from '../delivery/group-deliveries.ts';

export interface TopicItem<Type extends AlertEventType> {
  readonly event: Extract<TypedAlertEvent, { readonly type: Type }>;
  readonly states: readonly string[];
}

/**
 * One state's figure: its latest change event carrying the net change of all its changes told
 * together, and the figures that came and went in between.
 */
export interface FigureTopicItem extends TopicItem<'figure.changed'> {
  readonly interim: readonly InterimFigure[];
}

type ItemOf<Type extends AlertEventType> = Type extends 'figure.changed' ? FigureTopicItem : TopicItem<Type>;

/** One piece of news as a reader takes it; never empty, so the first item gives the shared title and dates. */
export type Topic = {
  readonly [Type in AlertEventType]: {
    readonly type: Type;
    readonly items: readonly [ItemOf<Type>, ...ItemOf<Type>[]];
  };
}[AlertEventType];

type FigureDelivered = TopicItem<'figure.changed'>;

/**
 * Events about a state group by type and obligation (or metric): 53 overdue events are one
 * piece of news, "53 states overdue". A deadline event already speaks for many states, so it
 * stays on its own.
 */
const topicKey = ({ event }: DeliveredEvent): string =>
  event.state === undefined ? `event:${event.id}` : `${event.type}:${event.obligationId ?? ''}:${event.metric ?? ''}`;

/** Items grouped by key, each group in the items' order, the groups in order of their first item. */
const groupedBy = <Item>(items: readonly Item[], keyOf: (item: Item) => string): [Item, ...Item[]][] => {
  const groups = new Map<string, [Item, ...Item[]]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
};

/** A state's changes of one metric, oldest first, as one item: whichever came last is the figure told. */
const figureItem = ([earliest, ...later]: readonly [FigureDelivered, ...FigureDelivered[]]): FigureTopicItem => {
  const latest = later.at(-1) ?? earliest;
  const { net, interim } = netFigureChange([earliest.event.data, ...later.map(({ event }) => event.data)]);
  const states = [...new Set([earliest, ...later].flatMap((item) => item.states))];
  return { event: { ...latest.event, data: net }, states, interim };
};

const topicOf = (items: readonly [DeliveredEvent, ...DeliveredEvent[]]): Topic => {
  const figures = items.flatMap(({ event, states }) => (event.type === 'figure.changed' ? [{ event, states }] : []));
  const [first, ...rest] = groupedBy(figures, ({ event }) => event.state ?? '').map(figureItem);
  if (first) return { type: 'figure.changed', items: [first, ...rest] };
  // Every item of a topic has the type in its key, which TypeScript cannot follow through the map.
  return { type: items[0].event.type, items } as Topic;
};

/**
 * A delivery's events as topics, at least one. The events are put in news order first, so the
 * text never depends on the order they arrived in; a topic sits where its first event does.
 */
export const topicsOf = (events: readonly DeliveredEvent[]): [Topic, ...Topic[]] => {
  const inOrder = [...events].sort((a, b) => inNewsOrder(a.event, b.event));
  const [first, ...rest] = groupedBy(inOrder, topicKey).map(topicOf);
  if (!first) throw new Error('a delivery without events has no message');
  return [first, ...rest];
};

/** All states a topic concerns, in order, each once (a state may send two reports in one run). */
export const statesOf = (topic: Topic): string[] => [...new Set(topic.items.flatMap(({ states }) => states))];
