import type { AlertEvent } from '../alerts/alert-event.ts';
import { type TypedAlertEvent, typedAlertEvent } from '../alerts/alert-event-data.ts';
import { listensAt, type Watch } from './watch.ts';

/** Group ids of a state, built-in and admins' (see groupMembership): resolved per match, so group edits apply at once. */
export type GroupIdsOfState = (alpha2: string) => ReadonlySet<string>;

export interface MatchResult {
  readonly watch: Watch;
  readonly event: TypedAlertEvent;
  /**
   * The states the event concerns that the watch covers, alpha-2 in the event's order: the
   * event's own state, or for a deadline the watch's share of the states still owing (all of
   * them for a watch on all states).
   */
  readonly states: readonly string[];
}

/** An event read once, so that matching it against thousands of watches repeats no work. */
interface PreparedEvent {
  readonly event: TypedAlertEvent;
  readonly at: number;
  readonly concerned: readonly { readonly code: string; readonly groups: ReadonlySet<string> }[];
  /** The absolute % change of a figure; undefined when there is none to measure, which every threshold lets through. */
  readonly changePct: number | undefined;
}

/** The states an event is about: its own, or for a deadline the states still owing when it fired. */
export const concernedStates = (event: TypedAlertEvent): readonly string[] => {
  if (event.state !== undefined) return [event.state];
  if (event.type === 'deadline.approaching') return event.data.pendingStates.map(({ code }) => code);
  if (event.type === 'deadline.passed') return event.data.notMet.map(({ code }) => code);
  return [];
};

/**
 * A first figure, a change from zero and a value turning into a range have no percentage
 * (null); they are news whatever the threshold. A range counts by its larger end change.
 */
const absoluteChangePct = (event: TypedAlertEvent): number | undefined => {
  if (event.type !== 'figure.changed' || event.data.deltaPct === null) return undefined;
  const pct = event.data.deltaPct;
  if (typeof pct === 'number') return Math.abs(pct);
  if (pct.low === null || pct.high === null) return undefined;
  return Math.max(Math.abs(pct.low), Math.abs(pct.high));
};

const prepare = (raw: AlertEvent, groupIdsOfState: GroupIdsOfState): PreparedEvent => {
  const event = typedAlertEvent(raw);
  return {
    event,
    at: Date.parse(event.at),
    concerned: concernedStates(event).map((code) => ({ code, groups: groupIdsOfState(code) })),
    changePct: absoluteChangePct(event),
  };
};

/** A resolving report also reaches watches that asked to hear when an overdue state reports. */
const hearsType = (watch: Watch, event: TypedAlertEvent): boolean =>
  watch.events.includes(event.type) ||
  (event.type === 'report.received' && event.data.resolvesOverdue && watch.delivery.resolved);

const passesFilters = (watch: Watch, { event, at, changePct }: PreparedEvent): boolean =>
  listensAt(watch, at) &&
  hearsType(watch, event) &&
  (event.obligationId === undefined ||
    watch.obligations === undefined ||
    watch.obligations.includes(event.obligationId)) &&
  (event.obligationId === undefined ||
    watch.committees === undefined ||
    (event.committee !== undefined && watch.committees.includes(event.committee))) &&
  (event.metric === undefined || watch.metrics === undefined || watch.metrics.includes(event.metric)) &&
  (watch.minChangePct === undefined || changePct === undefined || changePct >= watch.minChangePct);

const matchPrepared = (prepared: PreparedEvent, watch: Watch): MatchResult | undefined => {
  if (!passesFilters(watch, prepared)) return undefined;
  const { target } = watch;
  if (target.all) return { watch, event: prepared.event, states: prepared.concerned.map(({ code }) => code) };
  const states = new Set(target.states);
  const groups = target.groups ?? [];
  const covered = prepared.concerned.filter(
    ({ code, groups: groupsOfState }) => states.has(code) || groups.some((group) => groupsOfState.has(group)),
  );
  return covered.length > 0 ? { watch, event: prepared.event, states: covered.map(({ code }) => code) } : undefined;
};

/**
 * Whether `watch` hears `event`: it is active and not muted at the event's time, asks for the
 * type, passes its obligation, committee, metric and change filters, and covers a state the event concerns
 * (or all states).
 */
export const matchEvent = (
  event: AlertEvent,
  watch: Watch,
  groupIdsOfState: GroupIdsOfState,
): MatchResult | undefined => matchPrepared(prepare(event, groupIdsOfState), watch);

/** Positions of active watches by what they target, so an event visits only watches that could cover it. */
interface WatchIndex {
  readonly byState: Map<string, number[]>;
  readonly byGroup: Map<string, number[]>;
  readonly all: number[];
}

const indexWatches = (watches: readonly Watch[]): WatchIndex => {
  const index: WatchIndex = { byState: new Map(), byGroup: new Map(), all: [] };
  const add = (map: Map<string, number[]>, key: string, position: number) => {
    const list = map.get(key);
    if (list) list.push(position);
    else map.set(key, [position]);
  };
  watches.forEach((watch, position) => {
    if (watch.status !== 'active') return;
    if (watch.target.all) index.all.push(position);
    for (const state of watch.target.states ?? []) add(index.byState, state, position);
    for (const group of watch.target.groups ?? []) add(index.byGroup, group, position);
  });
  return index;
};

const candidatesFor = (index: WatchIndex, { concerned }: PreparedEvent): number[] => {
  const found = new Set(index.all);
  const addAll = (positions: readonly number[] | undefined) => positions?.forEach((position) => found.add(position));
  for (const { code, groups } of concerned) {
    addAll(index.byState.get(code));
    for (const group of groups) addAll(index.byGroup.get(group));
  }
  return [...found].sort((a, b) => a - b);
};

/**
 * Every match of every event, events in the given order and each event's watches in the given
 * order: the same list as calling matchEvent on every pair, without visiting every pair.
 */
export const matchEvents = (
  events: readonly AlertEvent[],
  watches: readonly Watch[],
  groupIdsOfState: GroupIdsOfState,
): MatchResult[] => {
  const index = indexWatches(watches);
  return events.flatMap((raw) => {
    const prepared = prepare(raw, groupIdsOfState);
    return candidatesFor(index, prepared).flatMap((position) => {
      const watch = watches[position];
      const match = watch && matchPrepared(prepared, watch);
      return match ? [match] : [];
    });
  });
};
