import { findWatch } from '../../core/watches/watch-commands.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';
import { watchDependencies } from './watch-dependencies.ts';

const { watches } = watchDependencies();

/** GET /watches/{id} — one of the caller's watches (404 for anyone else's). */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  queryParameters(event, {});
  return ok(await findWatch(caller, pathParameter(event, 'id'), watches));
});
