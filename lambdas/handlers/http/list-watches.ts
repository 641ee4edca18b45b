import * as z from 'zod/mini';
import * as aws from '../../aws-dependencies.ts';
import { listWatches, type WatchDependencies } from '../../core/watches/watch-commands.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** GET /watches[?owner=] — the caller's watches; an admin may name another owner. */
export const handlerFor = (deps: Pick<WatchDependencies, 'watches' | 'consents' | 'clock'>) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    const { owner } = queryParameters(event, {
      owner: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
    });
    const list = await listWatches(caller, owner, deps);
    return ok({ count: list.length, watches: list });
  });

export const handler = lazyHandler(() =>
  handlerFor({ clock: aws.clock(), watches: aws.watches(), consents: aws.consents() }),
);
