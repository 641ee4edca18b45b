import { customGroupStore } from '../../adapters/dynamodb/catalogues.ts';
import { describeGroup } from '../../core/reference/group-directory.ts';
import { tableAccess } from '../table-access.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

const { client, tableName } = tableAccess();
const { customGroups } = {
  customGroups: customGroupStore(client, tableName),
};

/** GET /groups/{id} — one group with its member states. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  return ok(await describeGroup(pathParameter(event, 'id'), customGroups));
});
