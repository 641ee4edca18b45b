import * as aws from '../../aws-dependencies.ts';
import { watchesQuery } from '../../core/api/route-queries.ts';
import { listWatches, type WatchDependencies } from '../../core/watches/watch-commands.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** GET /watches[?owner=] — the caller's watches; an admin may name another owner. */
export const handlerFor = (deps: Pick<WatchDependencies, 'watches' | 'consents' | 'clock'>) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    const { owner } = queryParameters(event, watchesQuery());
    const list = await listWatches(caller, owner, deps);
    return ok({ count: list.length, watches: list });
  });

export const handler = lazyHandler(() =>
  handlerFor({ clock: aws.clock(), watches: aws.watches(), consents: aws.consents() }),
);
