import type { AlertEvent } from '../alerts/alert-event.ts';
import { typedAlertEvent } from '../alerts/alert-event-data.ts';
import { alertEventId } from '../alerts/alert-event-id.ts';
import { daysBetween, type IsoDate, utcDateOf } from '../time/calendar-date.ts';

/** Which re-announcement of an event falls due by `today` for a watch repeating every `everyDays`: 0 before the first. */
export const repeatRound = (event: AlertEvent, everyDays: number, today: IsoDate): number =>
  Math.floor(daysBetween(utcDateOf(new Date(event.at)), today) / everyDays);

/**
 * The n-th re-announcement of an overdue event, as of `now`: its own id and dedup key (so each
 * is delivered once per contact) and the days overdue counted to that day. The hourly job derives
 * it to plan, and the sender again from the stored event to send, so no repeat is ever stored.
 */
export const repeatOf = (event: AlertEvent, round: number, now: Date): AlertEvent => {
  const dedupKey = `${event.dedupKey}:repeat:${round}`;
  const typed = typedAlertEvent(event);
  const daysOverdue = typed.type === 'report.overdue' ? daysBetween(typed.data.dueDate, utcDateOf(now)) : undefined;
  return {
    ...event,
    id: alertEventId(dedupKey),
    dedupKey,
    at: now.toISOString(),
    data: { ...event.data, daysOverdue },
  };
};
