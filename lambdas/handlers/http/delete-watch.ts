import * as aws from '../../aws-dependencies.ts';
import type { WatchStore } from '../../core/ports/stores.ts';
import { deleteWatch } from '../../core/watches/watch-commands.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, noContent } from './http-handler.ts';
import { pathParameter } from './request-input.ts';

/** DELETE /watches/{id} — removes one of the caller's watches. */
export const handlerFor = (deps: { readonly watches: WatchStore }) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    await deleteWatch(caller, pathParameter(event, 'id'), deps.watches);
    return noContent();
  });

export const handler = lazyHandler(() => handlerFor({ watches: aws.watches() }));
