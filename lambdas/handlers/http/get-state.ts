import * as z from 'zod/mini';
import { describeState } from '../../core/status/state-directory.ts';
import { isoDateSchema } from '../../core/validation/common-schemas.ts';
import { standingDependencies } from '../standing-dependencies.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

const dependencies = standingDependencies();

/** GET /states/{code}[?asOf=YYYY-MM-DD] — a state, its groups, its standing on each obligation, its latest figures. */
export const handler = httpHandler(async (event) => {
  const { asOf } = queryParameters(event, { asOf: z.optional(isoDateSchema) });
  return ok(await describeState(pathParameter(event, 'code'), asOf, dependencies));
});
