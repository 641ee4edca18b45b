import { createWatch } from '../../core/watches/watch-commands.ts';
import { watchInputSchema } from '../../core/watches/watch-schema.ts';
import { callerOf } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody } from './request-input.ts';
import { watchDependencies } from './watch-dependencies.ts';

const dependencies = watchDependencies();

/** POST /watches — registers a watch for the token's owner; it waits for its address to be confirmed. */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  return created(await createWatch(caller, jsonBody(event, watchInputSchema), dependencies));
});
