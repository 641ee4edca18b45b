import * as z from 'zod/mini';
import { DynamoAlertEventStore } from '../../adapters/dynamodb/alert-event-repository.ts';
import { customGroupStore } from '../../adapters/dynamodb/catalogues.ts';
import { DynamoWatchStore } from '../../adapters/dynamodb/watch-repository.ts';
import { publicApiUrl } from '../../adapters/public-api-url.ts';
import { systemClock } from '../../adapters/system-clock.ts';
import { watchFeed } from '../../core/feeds/watch-feed.ts';
import { ATOM_CONTENT_TYPE, watchFeedAtom } from '../../core/feeds/watch-feed-atom.ts';
import { tableAccess } from '../table-access.ts';
import { httpHandler, okText } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

const { client, tableName } = tableAccess();
const watches = new DynamoWatchStore(client, tableName);
const dependencies = {
  clock: systemClock,
  watches,
  feedKeys: watches,
  alertEvents: new DynamoAlertEventStore(client, tableName),
  customGroups: customGroupStore(client, tableName),
  apiUrl: publicApiUrl(),
};

/** Private: the URL holds the key, so shared caches must not keep the answer. */
const CACHE_CONTROL = 'private, max-age=300';

/**
 * GET /watches/{id}/feed.atom?key= — the watch's alerts as an Atom feed. Public route: feed readers
 * cannot send a token, so the key is the credential; a wrong or missing key is the same 404 as an
 * unknown watch.
 */
export const handler = httpHandler(async (event) => {
  const { key } = queryParameters(event, { key: z.optional(z.string()) });
  const feed = await watchFeed(pathParameter(event, 'id'), key, dependencies);
  return okText(watchFeedAtom(feed), ATOM_CONTENT_TYPE, { 'cache-control': CACHE_CONTROL });
});
