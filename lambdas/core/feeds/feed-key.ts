import { notFound } from '../errors.ts';
import type { Caller } from '../identity/caller.ts';
import { hashSecret, sameHash } from '../identity/secret-hash.ts';
import type { Clock } from '../ports/clock.ts';
import type { FeedKeyStore } from '../ports/feed-key-store.ts';
import type { WatchStore } from '../ports/stores.ts';
import { findWatch } from '../watches/find-watch.ts';
import type { Watch } from '../watches/watch.ts';

/** What `newFeedKey` makes: 32 random bytes, base64url. Anything else cannot be a key and is refused unread. */
const FEED_KEY = /^[A-Za-z0-9_-]{43}$/;

/** A feed reader cannot send a token, so the key in the URL is the credential. */
export const watchFeedUrl = (apiUrl: string, watchId: string, key: string): string =>
  `${apiUrl}/watches/${encodeURIComponent(watchId)}/feed.atom?key=${encodeURIComponent(key)}`;

export interface FeedKeyDependencies {
  readonly clock: Clock;
  readonly watches: WatchStore;
  readonly feedKeys: FeedKeyStore;
  /** 32 bytes from a cryptographic source, base64url. */
  readonly newKey: () => string;
  /** The API's base URL, no trailing slash. */
  readonly apiUrl: string;
}

/** `POST /watches/{id}/feed-key`: a new key for the caller's watch (404 for anyone else's); the old one stops working. */
export const rotateFeedKey = async (
  caller: Caller,
  watchId: string,
  deps: FeedKeyDependencies,
): Promise<{ readonly key: string; readonly feedUrl: string }> => {
  const watch = await findWatch(caller, watchId, deps.watches);
  const key = deps.newKey();
  await deps.feedKeys.replaceFeedKey({
    watchId: watch.id,
    keyHash: hashSecret(watch.id, key),
    createdAt: deps.clock.now().toISOString(),
  });
  return { key, feedUrl: watchFeedUrl(deps.apiUrl, watch.id, key) };
};

/** One answer for an unknown watch, a watch without a key and a wrong key, so the answer reveals nothing. */
const noFeed = () =>
  notFound(
    'feed-not-found',
    'No feed at this address: the link is wrong or its key was replaced; the watch owner gets the current one with POST /watches/{id}/feed-key',
  );

/** The watch a feed URL opens, and that URL: its key must be the watch's current one. */
export const openFeed = async (
  watchId: string,
  key: string | undefined,
  deps: Pick<FeedKeyDependencies, 'watches' | 'feedKeys' | 'apiUrl'>,
): Promise<{ readonly watch: Watch; readonly feedUrl: string }> => {
  // Watch ids are UUIDs: a longer one is no watch's, and could be longer than a table key may be.
  if (key === undefined || !FEED_KEY.test(key) || watchId.length > 100) throw noFeed();
  const [watch, stored] = await Promise.all([deps.watches.get(watchId), deps.feedKeys.feedKeyOf(watchId)]);
  if (!watch || !stored || !sameHash(hashSecret(watchId, key), stored.keyHash)) throw noFeed();
  return { watch, feedUrl: watchFeedUrl(deps.apiUrl, watch.id, key) };
};
