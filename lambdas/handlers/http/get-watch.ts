import { getWatch } from '../../core/watches/watch-commands.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';
import { watchReadDependencies } from './watch-dependencies.ts';

const dependencies = watchReadDependencies();

/** GET /watches/{id} — one of the caller's watches (404 for anyone else's), with where its confirmation stands. */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  queryParameters(event, {});
  return ok(await getWatch(caller, pathParameter(event, 'id'), dependencies));
});
