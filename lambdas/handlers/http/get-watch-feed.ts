import * as aws from '../../aws-dependencies.ts';
import { feedQuery } from '../../core/api/route-queries.ts';
import { type WatchFeedDependencies, watchFeed } from '../../core/feeds/watch-feed.ts';
import { ATOM_CONTENT_TYPE, watchFeedAtom } from '../../core/feeds/watch-feed-atom.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, okText } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

/** Private: the URL holds the key, so shared caches must not keep the answer. */
const CACHE_CONTROL = 'private, max-age=300';

/**
 * GET /watches/{id}/feed.atom?key=[&page=] — the watch's alerts as an Atom feed, paged as RFC 5005 pages them. Public route: feed readers
 * cannot send a token, so the key is the credential; a wrong or missing key is the same 404 as an
 * unknown watch.
 */
export const handlerFor = (deps: WatchFeedDependencies) =>
  httpHandler(async (event) => {
    const { key, page } = queryParameters(event, feedQuery());
    const feed = await watchFeed(pathParameter(event, 'id'), key, deps, page);
    return okText(watchFeedAtom(feed), ATOM_CONTENT_TYPE, { 'cache-control': CACHE_CONTROL });
  });

export const handler = lazyHandler(() => handlerFor(aws.watchFeed()));
