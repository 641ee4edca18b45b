import { deleteWatch } from '../../core/watches/watch-commands.ts';
import { callerOf } from './caller.ts';
import { httpHandler, noContent } from './http-handler.ts';
import { pathParameter } from './request-input.ts';
import { watchReadDependencies } from './watch-dependencies.ts';

const { watches } = watchReadDependencies();

/** DELETE /watches/{id} — removes one of the caller's watches. */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  await deleteWatch(caller, pathParameter(event, 'id'), watches);
  return noContent();
});
