import * as z from 'zod/mini';
import { listWatches } from '../../core/watches/watch-commands.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';
import { watchReadDependencies } from './watch-dependencies.ts';

const dependencies = watchReadDependencies();

/** GET /watches[?owner=] — the caller's watches; an admin may name another owner. */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { owner } = queryParameters(event, { owner: z.optional(z.string().check(z.minLength(1), z.maxLength(128))) });
  const list = await listWatches(caller, owner, dependencies);
  return ok({ count: list.length, watches: list });
});
