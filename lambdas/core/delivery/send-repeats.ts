import type { AlertEvent } from '../alerts/alert-event.ts';
import { typedAlertEvent } from '../alerts/alert-event-data.ts';
import { alertEventId } from '../alerts/alert-event-id.ts';
import { mapWithConcurrency } from '../map-with-concurrency.ts';
import type { AlertEventStore, CustomGroupStore, StateRecords } from '../ports/stores.ts';
import { groupMembership } from '../reference/group-membership.ts';
import { daysBetween, type IsoDate, utcDateOf } from '../time/calendar-date.ts';
import { type MatchResult, matchEvent } from '../watches/match-events.ts';
import type { Watch } from '../watches/watch.ts';
import { type DeliveryDependencies, type DeliveryOutcome, deliver } from './deliver.ts';
import { groupDeliveries } from './group-deliveries.ts';

export interface RepeatDependencies extends DeliveryDependencies {
  readonly alertEvents: Pick<AlertEventStore, 'list'>;
  readonly stateRecords: Pick<StateRecords, 'allReports'>;
  readonly customGroups: Pick<CustomGroupStore, 'list'>;
}

const PAGE = 500;

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
 * The n-th re-announcement of an overdue event, as of `today`: its own id and dedup key (so each
 * is delivered once per contact) and the days overdue counted to today.
 */
const repeatOf = (event: AlertEvent, round: number, today: IsoDate, now: Date): AlertEvent => {
  const dedupKey = `${event.dedupKey}:repeat:${round}`;
  const typed = typedAlertEvent(event);
  const daysOverdue = typed.type === 'report.overdue' ? daysBetween(typed.data.dueDate, today) : undefined;
  return {
    ...event,
    id: alertEventId(dedupKey),
    dedupKey,
    at: now.toISOString(),
    data: { ...event.data, daysOverdue },
  };
};

/**
 * Re-announces what is still overdue to watches with `repeatEveryDays`: a state overdue since the
 * event is told again after N days, 2N days and so on, until it reports. Safe to run hourly: each
 * round of each event reaches a contact once.
 */
export const sendRepeats = async (
  now: Date,
  watches: readonly Watch[],
  deps: RepeatDependencies,
): Promise<DeliveryOutcome[]> => {
  const repeating = watches.filter(
    (watch) => watch.status === 'active' && watch.delivery.repeatEveryDays !== undefined,
  );
  if (repeating.length === 0) return [];
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
  const matches: MatchResult[] = repeating.flatMap((watch) =>
    stillOverdue.flatMap((event) => {
      const round = Math.floor(
        daysBetween(utcDateOf(new Date(event.at)), today) / (watch.delivery.repeatEveryDays ?? Infinity),
      );
      const match = round >= 1 ? matchEvent(repeatOf(event, round, today, now), watch, groupIdsOfState) : undefined;
      return match ? [match] : [];
    }),
  );
  return mapWithConcurrency(groupDeliveries(matches), 8, (delivery) => deliver(delivery, 'repeat', deps));
};
