import * as aws from '../../aws-dependencies.ts';
import { createWatch, type WatchDependencies } from '../../core/watches/watch-commands.ts';
import { watchInputSchema } from '../../core/watches/watch-schema.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody } from './request-input.ts';

/** POST /watches — registers a watch for the token's owner; it waits for its address to be confirmed. */
export const handlerFor = (deps: WatchDependencies) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    const watch = await createWatch(caller, jsonBody(event, watchInputSchema), deps);
    return created(watch, `/watches/${watch.id}`);
  });

export const handler = lazyHandler(() => handlerFor(aws.watchCommands()));
