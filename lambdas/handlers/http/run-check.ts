import * as z from 'zod/mini';
import { runDeadlineCheck } from '../../core/checks/run-deadline-check.ts';
import { isoInstantSchema } from '../../core/validation/common-schemas.ts';
import { tableDependencies } from '../table-dependencies.ts';
import { requireAdmin } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { jsonBody } from './request-input.ts';

const dependencies = tableDependencies();

/** POST /checks (admin) `{ at? }` — runs the deadline check as of `at` (default now) and returns the events it emitted. */
export const handler = httpHandler(async (event) => {
  requireAdmin(event);
  const { at } = jsonBody(event, z.strictObject({ at: z.optional(isoInstantSchema) }), { optional: true });
  const requestsBefore = dependencies.requests.total();
  const outcome = await runDeadlineCheck(at === undefined ? dependencies.clock.now() : new Date(at), dependencies);
  return ok({
    ...outcome,
    count: outcome.emitted.length,
    dynamoDbRequests: dependencies.requests.total() - requestsBefore,
  });
});
