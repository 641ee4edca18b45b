import * as z from 'zod/mini';
import { statusBoard } from '../../core/status/status-board-query.ts';
import { isoDateSchema } from '../../core/validation/common-schemas.ts';
import { standingDependencies } from '../standing-dependencies.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

const dependencies = standingDependencies();

/** GET /status?asOf=YYYY-MM-DD[&obligation=][&group=] — the board: counts by status and the overdue states per obligation. */
export const handler = httpHandler(async (event) => {
  const query = queryParameters(event, {
    asOf: z.optional(isoDateSchema),
    obligation: z.optional(z.string()),
    group: z.optional(z.string()),
  });
  return ok(await statusBoard(query, dependencies));
});
