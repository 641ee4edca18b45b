import type { AlertEvent } from '../alerts/alert-event.ts';
import { deriveDeadlineEvents } from '../checks/deadline-events.ts';
import type { Caller } from '../identity/caller.ts';
import type { AlertEventStore, WatchStore } from '../ports/stores.ts';
import { memberStates } from '../reference/member-states.ts';
import { loadStandingData, type StandingDependencies } from '../status/standing-data.ts';
import { findWatch } from '../watches/find-watch.ts';
import { matchEvents } from '../watches/match-events.ts';
import { groupDeliveries } from './group-deliveries.ts';
import { outgoingMessage } from './outgoing-message.ts';

export interface PreviewDependencies extends StandingDependencies {
  readonly watches: WatchStore;
  readonly alertEvents: Pick<AlertEventStore, 'list'>;
  readonly manageUrl: string;
}

/** Reports and figures count as news for a week: a preview shows what such a watch would just have heard. */
export const PREVIEW_NEWS_DAYS = 7;

export interface WatchPreview {
  readonly asOf: string;
  readonly watchId: string;
  /** Why a real run would send nothing, when it would not (paused, muted, unconfirmed). */
  readonly wouldNotSendBecause?: string;
  readonly events: readonly Pick<AlertEvent, 'id' | 'type' | 'state' | 'obligationId' | 'metric'>[];
  /** The one message the watch's contact would get for these events (from this watch alone); absent when nothing matches. */
  readonly message?: { readonly subject: string; readonly body: string } | { readonly sms: string };
}

/** Recent reports and figure changes, up to `asOf`. */
const recentNews = async (asOf: Date, alertEvents: Pick<AlertEventStore, 'list'>): Promise<AlertEvent[]> => {
  const since = new Date(asOf.getTime() - PREVIEW_NEWS_DAYS * 86_400_000).toISOString();
  const pages = await Promise.all(
    (['report.received', 'figure.changed'] as const).map((type) => alertEvents.list({ type, since, limit: 500 })),
  );
  return pages.flatMap(({ events }) => events).filter(({ at }) => Date.parse(at) <= asOf.getTime());
};

/**
 * `GET /watches/{id}/preview?asOf=`: what the watch would be told as of that instant, sending
 * nothing. Deadlines are judged afresh (as though nothing had been announced yet), news is the
 * past week's reports and figures. The watch is matched as if active and unmuted, so a user can
 * tune it before it fires; `wouldNotSendBecause` says when a real run would stay silent.
 */
export const previewWatch = async (
  caller: Caller,
  id: string,
  asOf: Date,
  deps: PreviewDependencies,
): Promise<WatchPreview> => {
  const watch = await findWatch(caller, id, deps.watches);
  const [data, news] = await Promise.all([loadStandingData(deps), recentNews(asOf, deps.alertEvents)]);
  const deadlines = deriveDeadlineEvents({ ...data, at: asOf, states: memberStates(), memory: [] }).events;
  const { mutedUntil, ...unmuted } = watch;
  const matches = matchEvents([...deadlines, ...news], [{ ...unmuted, status: 'active' }], data.groupIdsOfState);
  const [delivery] = groupDeliveries(matches);
  const silent =
    watch.status !== 'active'
      ? `the watch is ${watch.status}`
      : mutedUntil !== undefined && Date.parse(mutedUntil) > asOf.getTime()
        ? `the watch is muted until ${mutedUntil}`
        : undefined;
  const message = delivery && outgoingMessage(delivery, deps.manageUrl);
  return {
    asOf: asOf.toISOString(),
    watchId: watch.id,
    ...(silent === undefined ? {} : { wouldNotSendBecause: silent }),
    events: (delivery?.events ?? []).map(({ event: { id: eventId, type, state, obligationId, metric } }) => ({
      id: eventId,
      type,
      ...(state && { state }),
      ...(obligationId && { obligationId }),
      ...(metric && { metric }),
    })),
    ...(message === undefined ? {} : { message: message.email ?? { sms: message.sms ?? '' } }),
  };
};
