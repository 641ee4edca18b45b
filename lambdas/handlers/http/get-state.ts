import { describeState } from '../../core/queries/state-directory.ts';
import { tableDependencies } from '../table-dependencies.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

const dependencies = tableDependencies();

/** GET /states/{code} — one state (alpha-2 or alpha-3), its groups and the obligations on it. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  return ok(await describeState(pathParameter(event, 'code'), dependencies));
});
