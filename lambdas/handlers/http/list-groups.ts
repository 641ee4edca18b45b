import { customGroupStore } from '../../adapters/dynamodb/catalogues.ts';
import { listGroups } from '../../core/reference/group-directory.ts';
import { tableAccess } from '../table-access.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

const { client, tableName } = tableAccess();
const { customGroups } = {
  customGroups: customGroupStore(client, tableName),
};

/** GET /groups — regions, sub-regions, UN regional groups and admins' groups. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  const groups = await listGroups(customGroups);
  return ok({ count: groups.length, groups });
});
