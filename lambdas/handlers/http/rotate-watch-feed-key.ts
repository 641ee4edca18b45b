import * as aws from '../../aws-dependencies.ts';
import { noQuery } from '../../core/api/route-queries.ts';
import { type FeedKeyDependencies, rotateFeedKey } from '../../core/feeds/feed-key.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

/** POST /watches/{id}/feed-key — a new key for the watch's Atom feed, and the feed's URL; the old key stops working at once. */
export const handlerFor = (deps: FeedKeyDependencies) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    queryParameters(event, noQuery());
    return ok(await rotateFeedKey(caller, pathParameter(event, 'id'), deps));
  });

export const handler = lazyHandler(() => handlerFor(aws.feedKeyRotation()));
