import { updateWatch } from '../../core/watches/watch-commands.ts';
import { watchPatchSchema } from '../../core/watches/watch-schema.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { jsonBody, pathParameter } from './request-input.ts';
import { watchDependencies } from './watch-dependencies.ts';

const dependencies = watchDependencies();

/** PATCH /watches/{id} — changes a watch: pause or resume it, mute it until a time, narrow or widen it. */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  return ok(await updateWatch(caller, pathParameter(event, 'id'), jsonBody(event, watchPatchSchema), dependencies));
});
