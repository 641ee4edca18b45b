import type { AlertEvent, AlertEventType } from '../alerts/alert-event.ts';
import { eventNews } from '../messages/email-message.ts';
import type { Clock } from '../ports/clock.ts';
import type { AlertEventStore, CustomGroupStore } from '../ports/stores.ts';
import { groupMembership } from '../reference/group-membership.ts';
import { byStateName } from '../reference/state-names.ts';
import { type GroupIdsOfState, type MatchResult, matchEvents } from '../watches/match-events.ts';
import type { Watch } from '../watches/watch.ts';
import { type FeedKeyDependencies, openFeed } from './feed-key.ts';

/** A feed reader has seen anything older: the feed covers this many days back from now... */
export const FEED_WINDOW_DAYS = 90;
/** ...and this many entries a page, newest first; older ones are on the next page (RFC 5005 §3). */
export const FEED_MAX_ENTRIES = 50;
/** How far back a reader may page: 200 pages of 50 cover any 90 days' alerts. */
export const FEED_MAX_PAGE = 200;

const PAGE_SIZE = 500;

export interface FeedEntry {
  /** `urn:sanctions-watch:alert:<eventId>`: the same alert is the same entry in every fetch. */
  readonly id: string;
  readonly title: string;
  /** The text as the alert's email words it, line by line. */
  readonly lines: readonly string[];
  /** The event's time. */
  readonly updated: string;
  /** The alert in the public API. */
  readonly link: string;
}

export interface WatchFeed {
  readonly id: string;
  readonly title: string;
  /** The feed's own URL, key (and page) included: what a reader fetched. */
  readonly selfUrl: string;
  /** RFC 5005 paging, when the entries fill more than one page: the first, the newer and the older page. */
  readonly pages?: { readonly first: string; readonly previous?: string; readonly next?: string };
  /** The newest entry's time, or now when there is none. */
  readonly updated: string;
  /** Newest first. */
  readonly entries: readonly FeedEntry[];
}

export interface WatchFeedDependencies extends Pick<FeedKeyDependencies, 'watches' | 'feedKeys' | 'apiUrl'> {
  readonly clock: Clock;
  readonly alertEvents: Pick<AlertEventStore, 'list'>;
  readonly customGroups: Pick<CustomGroupStore, 'list'>;
}

/** Every stored event of one type since `since`, page by page. */
const eventsOfType = async (
  type: AlertEventType,
  since: string,
  alertEvents: WatchFeedDependencies['alertEvents'],
): Promise<AlertEvent[]> => {
  const events: AlertEvent[] = [];
  let after: string | undefined;
  do {
    const page = await alertEvents.list({ type, since, limit: PAGE_SIZE, ...(after === undefined ? {} : { after }) });
    events.push(...page.events);
    after = page.next;
  } while (after !== undefined);
  return events;
};

/** The types a watch can hear: its own, and reports that resolve an overdue state when it asked for those. */
const typesHeardBy = (watch: Watch): AlertEventType[] => [
  ...new Set<AlertEventType>([...watch.events, ...(watch.delivery.resolved ? ['report.received' as const] : [])]),
];

const newestFirst = (a: MatchResult, b: MatchResult): number =>
  b.event.at.localeCompare(a.event.at) || a.event.id.localeCompare(b.event.id);

const alertLink = (apiUrl: string, { type, state, at }: AlertEvent): string =>
  `${apiUrl}/alerts?${new URLSearchParams({ type, ...(state === undefined ? {} : { state }), since: at }).toString()}`;

const entryOf = (apiUrl: string, { event, states }: MatchResult): FeedEntry => {
  const { title, lines } = eventNews({ event, states: [...states].sort(byStateName) });
  return {
    id: `urn:sanctions-watch:alert:${event.id}`,
    title,
    lines,
    updated: event.at,
    link: alertLink(apiUrl, event),
  };
};

/** What a feed is made of: the watch, the URL it was opened with, and the stored events it may match. */
export interface WatchFeedInput {
  readonly watch: Watch;
  readonly feedUrl: string;
  readonly events: readonly AlertEvent[];
  readonly groupIdsOfState: GroupIdsOfState;
  readonly now: Date;
  readonly apiUrl: string;
  /** 1 for the newest entries. */
  readonly page?: number;
}

/** The feed's URL at another page; the first page is the feed's own URL, as readers subscribed to it. */
const pageUrl = (feedUrl: string, page: number): string => {
  const url = new URL(feedUrl);
  if (page === 1) url.searchParams.delete('page');
  else url.searchParams.set('page', String(page));
  return url.toString();
};

const pagesOf = (feedUrl: string, page: number, matched: number): WatchFeed['pages'] => {
  const hasNext = matched > page * FEED_MAX_ENTRIES;
  if (page === 1 && !hasNext) return undefined;
  return {
    first: pageUrl(feedUrl, 1),
    ...(page > 1 ? { previous: pageUrl(feedUrl, page - 1) } : {}),
    ...(hasNext ? { next: pageUrl(feedUrl, page + 1) } : {}),
  };
};

/**
 * The watch's feed: the events it matches, newest first, FEED_MAX_ENTRIES a page. A feed has no
 * address to confirm and is read, not sent, so the watch's delivery state does not silence it: a
 * paused, muted or still unconfirmed watch's feed shows what its filters match all the same.
 */
export const watchFeedOf = ({
  watch,
  feedUrl,
  events,
  groupIdsOfState,
  now,
  apiUrl,
  page = 1,
}: WatchFeedInput): WatchFeed => {
  const heard = { ...watch, status: 'active', mutedUntil: undefined } as const;
  const matches = matchEvents(events, [heard], groupIdsOfState).sort(newestFirst);
  const entries = matches
    .slice((page - 1) * FEED_MAX_ENTRIES, page * FEED_MAX_ENTRIES)
    .map((match) => entryOf(apiUrl, match));
  const pages = pagesOf(feedUrl, page, matches.length);
  return {
    id: `urn:sanctions-watch:watch:${watch.id}`,
    title: `sanctions-watch: ${watch.name ?? `watch ${watch.id}`}`,
    selfUrl: pageUrl(feedUrl, page),
    ...(pages ? { pages } : {}),
    updated: entries[0]?.updated ?? now.toISOString(),
    entries,
  };
};

/** `GET /watches/{id}/feed.atom?key=[&page=]`: the watch's feed over the stored alerts of the last FEED_WINDOW_DAYS days. */
export const watchFeed = async (
  watchId: string,
  key: string | undefined,
  deps: WatchFeedDependencies,
  page = 1,
): Promise<WatchFeed> => {
  const { watch, feedUrl } = await openFeed(watchId, key, deps);
  const now = deps.clock.now();
  const since = new Date(now.getTime() - FEED_WINDOW_DAYS * 86_400_000).toISOString();
  const [custom, ...pages] = await Promise.all([
    deps.customGroups.list(),
    ...typesHeardBy(watch).map((type) => eventsOfType(type, since, deps.alertEvents)),
  ]);
  return watchFeedOf({
    watch,
    feedUrl,
    events: pages.flat(),
    groupIdsOfState: groupMembership(custom),
    now,
    apiUrl: deps.apiUrl,
    page,
  });
};
