import * as aws from '../../aws-dependencies.ts';
import { updateWatch, type WatchDependencies } from '../../core/watches/watch-commands.ts';
import { watchPatchSchema } from '../../core/watches/watch-schema.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { jsonBody, pathParameter } from './request-input.ts';

/** PATCH /watches/{id} — changes a watch: pause or resume it, mute it until a time, narrow or widen it. */
export const handlerFor = (deps: WatchDependencies) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    return ok(await updateWatch(caller, pathParameter(event, 'id'), jsonBody(event, watchPatchSchema), deps));
  });

export const handler = lazyHandler(() => handlerFor(aws.watchCommands()));
