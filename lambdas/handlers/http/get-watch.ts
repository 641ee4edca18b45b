import * as aws from '../../aws-dependencies.ts';
import { noQuery } from '../../core/api/route-queries.ts';
import { getWatch, type WatchDependencies } from '../../core/watches/watch-commands.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

/** GET /watches/{id} — one of the caller's watches (404 for anyone else's), with where its confirmation stands. */
export const handlerFor = (deps: Pick<WatchDependencies, 'watches' | 'consents' | 'clock'>) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    queryParameters(event, noQuery());
    return ok(await getWatch(caller, pathParameter(event, 'id'), deps));
  });

export const handler = lazyHandler(() =>
  handlerFor({ clock: aws.clock(), watches: aws.watches(), consents: aws.consents() }),
);
