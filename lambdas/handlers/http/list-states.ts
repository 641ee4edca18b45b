import * as z from 'zod/mini';
import { customGroupStore } from '../../adapters/dynamodb/catalogues.ts';
import { listStates } from '../../core/status/state-directory.ts';
import { tableAccess } from '../table-access.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

const { client, tableName } = tableAccess();
const { customGroups } = {
  customGroups: customGroupStore(client, tableName),
};

/** GET /states[?group=africa] — the 193 UN member states, or one group's members. */
export const handler = httpHandler(async (event) => {
  const { group } = queryParameters(event, { group: z.optional(z.string()) });
  const states = await listStates(group, customGroups);
  return ok({ count: states.length, states });
});
