import { DynamoWatchStore } from '../../adapters/dynamodb/watch-repository.ts';
import { newFeedKey } from '../../adapters/new-feed-key.ts';
import { publicApiUrl } from '../../adapters/public-api-url.ts';
import { systemClock } from '../../adapters/system-clock.ts';
import { rotateFeedKey } from '../../core/feeds/feed-key.ts';
import { tableAccess } from '../table-access.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

const { client, tableName } = tableAccess();
const watches = new DynamoWatchStore(client, tableName);
const dependencies = { clock: systemClock, watches, feedKeys: watches, newKey: newFeedKey, apiUrl: publicApiUrl() };

/** POST /watches/{id}/feed-key — a new key for the watch's Atom feed, and the feed's URL; the old key stops working at once. */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  queryParameters(event, {});
  return ok(await rotateFeedKey(caller, pathParameter(event, 'id'), dependencies));
});
