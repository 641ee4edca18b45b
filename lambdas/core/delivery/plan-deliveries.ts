import type { AlertEvent } from '../alerts/alert-event.ts';
import { type GroupIdsOfState, type MatchResult, matchEvents } from '../watches/match-events.ts';
import { contactOf, DEFAULT_DIGEST_HOUR_UTC, type Watch } from '../watches/watch.ts';
import { type DeliveryJob, deliveryJobKey, jobOf } from './delivery-job.ts';
import type { QueuedDigestEvent } from './delivery-records.ts';
import { groupDeliveries } from './group-deliveries.ts';

/** A digest watch's matches, one queue entry per (hour, contact, event) with the states its watches cover. */
export const digestEntries = (matches: readonly MatchResult[], queuedAt: string): QueuedDigestEvent[] => {
  const entries = new Map<
    string,
    { hour: number; contact: string; eventId: string; watchIds: Set<string>; states: Set<string> }
  >();
  for (const { watch, event, states } of matches) {
    const hour = watch.delivery.digestHourUtc ?? DEFAULT_DIGEST_HOUR_UTC;
    const contact = contactOf(watch);
    const key = `${hour}\n${contact}\n${event.id}`;
    const entry = entries.get(key) ?? {
      hour,
      contact,
      eventId: event.id,
      watchIds: new Set<string>(),
      states: new Set<string>(),
    };
    entries.set(key, entry);
    entry.watchIds.add(watch.id);
    for (const state of states) entry.states.add(state);
  }
  return [...entries.values()].map(({ watchIds, states, ...entry }) => ({
    ...entry,
    watchIds: [...watchIds].sort(),
    states: [...states],
    queuedAt,
  }));
};

export interface PlannedDeliveries {
  readonly matches: number;
  /** One per contact with an immediate watch that matched, sorted by contact. */
  readonly jobs: readonly DeliveryJob[];
  readonly digest: readonly QueuedDigestEvent[];
}

/**
 * What a wave part means for these watches: each contact one job for everything its immediate
 * watches matched, and digest watches' matches queued for their hour. The same inputs give the
 * same jobs, so planning again (a retried planner or shard worker) adds nothing a sender would
 * send twice.
 */
export const planDeliveries = (
  wave: { readonly waveId: string; readonly part: number; readonly events: readonly AlertEvent[] },
  watches: readonly Watch[],
  groupIdsOfState: GroupIdsOfState,
  now: Date,
): PlannedDeliveries => {
  const matches = matchEvents(wave.events, watches, groupIdsOfState);
  const digest = digestEntries(
    matches.filter(({ watch }) => watch.delivery.mode === 'digest'),
    now.toISOString(),
  );
  const jobs = groupDeliveries(matches.filter(({ watch }) => watch.delivery.mode !== 'digest')).map((delivery) =>
    jobOf(delivery, {
      waveId: wave.waveId,
      part: wave.part,
      dedupKey: deliveryJobKey(wave.waveId, wave.part, delivery.contact),
    }),
  );
  return { matches: matches.length, jobs, digest };
};
