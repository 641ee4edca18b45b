import { typedAlertEvent } from '../alerts/alert-event-data.ts';
import { mapWithConcurrency } from '../map-with-concurrency.ts';
import type { AlertEventStore, DigestQueue } from '../ports/stores.ts';
import type { MatchResult } from '../watches/match-events.ts';
import type { Watch } from '../watches/watch.ts';
import { type DeliveryDependencies, type DeliveryOutcome, deliver } from './deliver.ts';
import type { QueuedDigestEvent } from './delivery-records.ts';
import { groupDeliveries } from './group-deliveries.ts';

export interface DigestDependencies extends DeliveryDependencies {
  readonly digests: DigestQueue;
  readonly alertEvents: Pick<AlertEventStore, 'getMany'>;
}

/** A watch still wants its digest if it is active and not muted now; pausing drops what waited. */
const stillListening = (watch: Watch | undefined, now: Date): watch is Watch =>
  watch !== undefined &&
  watch.status === 'active' &&
  (watch.mutedUntil === undefined || Date.parse(watch.mutedUntil) <= now.getTime());

/**
 * The digests due this hour (UTC): each contact gets one message with everything queued for it
 * since its last digest, and the queue entries go once the message is sent (or found sent
 * before). Entries whose watches have been paused, muted or deleted are dropped unsent.
 */
export const sendDigests = async (now: Date, deps: DigestDependencies): Promise<DeliveryOutcome[]> => {
  const queued = await deps.digests.listForHour(now.getUTCHours());
  if (queued.length === 0) return [];
  const watchIds = [...new Set(queued.flatMap((entry) => entry.watchIds))];
  const [events, watches] = await Promise.all([
    deps.alertEvents.getMany([...new Set(queued.map(({ eventId }) => eventId))]),
    mapWithConcurrency(watchIds, 8, (id) => deps.watches.get(id)),
  ]);
  const eventsById = new Map(events.map((event) => [event.id, typedAlertEvent(event)]));
  const watchesById = new Map(watches.filter((watch) => stillListening(watch, now)).map((watch) => [watch.id, watch]));
  const matches: MatchResult[] = queued.flatMap(({ eventId, watchIds: ids, states }) => {
    const event = eventsById.get(eventId);
    return event === undefined
      ? []
      : ids.flatMap((id) => {
          const watch = watchesById.get(id);
          return watch ? [{ watch, event, states }] : [];
        });
  });
  const deliveries = groupDeliveries(matches);
  const outcomes = await mapWithConcurrency(deliveries, 8, (delivery) => deliver(delivery, 'digest', deps));
  const unsent = new Set(outcomes.filter(({ status }) => status === 'retry-later').map(({ contact }) => contact));
  const done: QueuedDigestEvent[] = queued.filter(({ contact }) => !unsent.has(contact));
  await deps.digests.remove(done);
  return outcomes;
};
