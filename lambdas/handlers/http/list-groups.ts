import { listGroups } from '../../core/queries/group-directory.ts';
import { tableDependencies } from '../table-dependencies.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

const { customGroups } = tableDependencies();

/** GET /groups — regions, sub-regions, UN regional groups and admins' groups. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  const groups = await listGroups(customGroups);
  return ok({ count: groups.length, groups });
});
