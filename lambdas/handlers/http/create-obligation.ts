import * as z from 'zod/mini';
import { customGroupStore, obligationCatalogue } from '../../adapters/dynamodb/catalogues.ts';
import { defineObligation } from '../../core/obligations/obligation.ts';
import { obligationSchema } from '../../core/obligations/obligation-schema.ts';
import { findGroup } from '../../core/reference/group-directory.ts';
import { tableAccess } from '../table-access.ts';
import { requireAdmin } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody } from './request-input.ts';

const { client, tableName } = tableAccess();
const { obligations, customGroups } = {
  obligations: obligationCatalogue(client, tableName),
  customGroups: customGroupStore(client, tableName),
};

/** The due date follows from adoption and offset, so an admin never sends one. */
const obligationInputSchema = z.strictObject(z.omit(obligationSchema, { dueDate: true }).shape);

/** POST /obligations (admin) — adds an obligation to the catalogue; 409 if the id is taken. */
export const handler = httpHandler(async (event) => {
  requireAdmin(event);
  const obligation = defineObligation(jsonBody(event, obligationInputSchema));
  if (obligation.appliesTo.scope === 'group')
    await findGroup(obligation.appliesTo.groupId, customGroups, 'appliesTo.groupId');
  await obligations.create(obligation);
  return created(obligation);
});
