import type { AlertEvent } from '../alerts/alert-event.ts';
import { typedAlertEvent } from '../alerts/alert-event-data.ts';
import type { DeliveryJobQueue } from '../ports/delivery-pipeline.ts';
import type {
  AlertEventStore,
  CustomGroupStore,
  DeliveryLog,
  DigestQueue,
  StateRecords,
  WatchStore,
} from '../ports/stores.ts';
import { groupMembership } from '../reference/group-membership.ts';
import { utcDateOf } from '../time/calendar-date.ts';
import { type MatchResult, matchEvent } from '../watches/match-events.ts';
import { listensAt } from '../watches/watch.ts';
import { type DeliveryJob, type JobEvent, jobOf, type ScheduledJobKind } from './delivery-job.ts';
import { type Delivery, groupDeliveries } from './group-deliveries.ts';
import { repeatOf, repeatRound } from './repeat-event.ts';

export interface ScheduledJobDependencies {
  readonly watches: Pick<WatchStore, 'getMany' | 'listRepeating'>;
  readonly digests: DigestQueue;
  readonly alertEvents: Pick<AlertEventStore, 'getMany' | 'list'>;
  readonly stateRecords: Pick<StateRecords, 'allReports'>;
  readonly customGroups: Pick<CustomGroupStore, 'list'>;
  /** What each contact was told before: a digest or a repeat tells an event once. */
  readonly deliveryLog: Pick<DeliveryLog, 'recorded'>;
  readonly jobs: Pick<DeliveryJobQueue, 'enqueueDeliveries'>;
}

const PAGE = 500;

/**
 * The deliveries as jobs for the senders' queues, each without the events its contact was told
 * before (a digest or repeat sent in an earlier run). A job's claim is its contact and events, so
 * a run asked again before its jobs were sent plans the same jobs, which the senders send once.
 */
const queueJobs = async (
  deliveries: readonly Delivery[],
  run: { readonly waveId: string; readonly kind: ScheduledJobKind },
  deps: ScheduledJobDependencies,
  storedAs?: (eventId: string) => Pick<JobEvent, 'id' | 'round'>,
): Promise<number> => {
  const recorded = await deps.deliveryLog.recorded(
    deliveries.map(({ contact, events }) => ({ contact, eventIds: events.map(({ event }) => event.id) })),
  );
  const jobs: DeliveryJob[] = deliveries
    .flatMap((delivery) => {
      const events = delivery.events.filter(({ event }) => !recorded(delivery.contact, event.id));
      return events.length === 0 ? [] : [{ ...delivery, events }];
    })
    .map((delivery) =>
      jobOf(delivery, { waveId: run.waveId, part: 0, dedupKey: delivery.dedupKey, kind: run.kind }, storedAs),
    );
  await deps.jobs.enqueueDeliveries(jobs);
  return jobs.length;
};

/**
 * The digests due this hour (UTC), as one job per contact with everything queued for it since its
 * last digest. The queue entries go once their jobs are on the senders' queues, which send them
 * as they send alerts (budgets, retries, parking). Entries whose watches have been paused, muted
 * or deleted are dropped unsent. Says how many jobs it queued.
 */
export const queueDigests = async (now: Date, deps: ScheduledJobDependencies): Promise<number> => {
  const queued = await deps.digests.listForHour(now.getUTCHours());
  if (queued.length === 0) return 0;
  const watchIds = [...new Set(queued.flatMap((entry) => entry.watchIds))];
  const [events, watches] = await Promise.all([
    deps.alertEvents.getMany([...new Set(queued.map(({ eventId }) => eventId))]),
    deps.watches.getMany(watchIds),
  ]);
  const eventsById = new Map(events.map((event) => [event.id, typedAlertEvent(event)]));
  // A watch paused or muted now drops what waited for it.
  const watchesById = new Map(
    watches.filter((watch) => listensAt(watch, now.getTime())).map((watch) => [watch.id, watch]),
  );
  const matches: MatchResult[] = queued.flatMap(({ eventId, watchIds: ids, states }) => {
    const event = eventsById.get(eventId);
    return event === undefined
      ? []
      : ids.flatMap((id) => {
          const watch = watchesById.get(id);
          return watch ? [{ watch, event, states }] : [];
        });
  });
  const hour = now.toISOString().slice(0, 13);
  const jobs = await queueJobs(groupDeliveries(matches), { waveId: `digest:${hour}`, kind: 'digest' }, deps);
  await deps.digests.remove(queued);
  return jobs;
};

const allOverdueEvents = async (alertEvents: Pick<AlertEventStore, 'list'>): Promise<AlertEvent[]> => {
  const events: AlertEvent[] = [];
  let after: string | undefined;
  do {
    const page = await alertEvents.list({
      type: 'report.overdue',
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
    });
    events.push(...page.events);
    after = page.next;
  } while (after !== undefined);
  return events;
};

/**
 * Re-announces what is still overdue to watches with `repeatEveryDays`: a state overdue since the
 * event is told again after N days, 2N days and so on, until it reports; one job per contact.
 * Safe to run hourly: each round of each event reaches a contact once. Says how many jobs it queued.
 */
export const queueRepeats = async (now: Date, deps: ScheduledJobDependencies): Promise<number> => {
  const repeating = (await deps.watches.listRepeating()).filter(
    (watch) => watch.status === 'active' && watch.delivery.repeatEveryDays !== undefined,
  );
  if (repeating.length === 0) return 0;
  const [overdue, reports, customGroups] = await Promise.all([
    allOverdueEvents(deps.alertEvents),
    deps.stateRecords.allReports(),
    deps.customGroups.list(),
  ]);
  const reported = new Set(reports.map(({ state, obligationId }) => `${state}\n${obligationId}`));
  const stillOverdue = overdue.filter(
    ({ state, obligationId }) => !reported.has(`${state ?? ''}\n${obligationId ?? ''}`),
  );
  const groupIdsOfState = groupMembership(customGroups);
  const today = utcDateOf(now);
  // Each derived repeat's stored event and round: what its job names, for the sender to derive it again.
  const storedAs = new Map<string, Pick<JobEvent, 'id' | 'round'>>();
  // Derived once per (event, round), however many watches hear it: deriving hashes its key.
  const derived = new Map<string, AlertEvent>();
  const repeatFor = (event: AlertEvent, round: number): AlertEvent => {
    const key = `${event.id}\n${round}`;
    const known = derived.get(key);
    if (known) return known;
    const repeat = repeatOf(event, round, now);
    derived.set(key, repeat);
    storedAs.set(repeat.id, { id: event.id, round });
    return repeat;
  };
  const matches: MatchResult[] = repeating.flatMap((watch) =>
    stillOverdue.flatMap((event) => {
      const round = repeatRound(event, watch.delivery.repeatEveryDays ?? Infinity, today);
      const match = round >= 1 ? matchEvent(repeatFor(event, round), watch, groupIdsOfState) : undefined;
      return match ? [match] : [];
    }),
  );
  return queueJobs(groupDeliveries(matches), { waveId: `repeat:${today}`, kind: 'repeat' }, deps, (id) => {
    const stored = storedAs.get(id);
    if (stored === undefined) throw new Error(`repeat ${id} has no stored event`);
    return stored;
  });
};
