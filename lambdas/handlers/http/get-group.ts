import { describeGroup } from '../../core/queries/group-directory.ts';
import { tableDependencies } from '../table-dependencies.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

const { customGroups } = tableDependencies();

/** GET /groups/{id} — one group with its member states. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  return ok(await describeGroup(pathParameter(event, 'id'), customGroups));
});
