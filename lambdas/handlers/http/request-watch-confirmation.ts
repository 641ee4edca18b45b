import { requestWatchConfirmation } from '../../core/watches/watch-commands.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter } from './request-input.ts';
import { watchDependencies } from './watch-dependencies.ts';

const dependencies = watchDependencies();

/** POST /watches/{id}/confirmation — a new confirmation link or code, after one expired or the address unsubscribed. */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  return ok(await requestWatchConfirmation(caller, pathParameter(event, 'id'), dependencies));
});
