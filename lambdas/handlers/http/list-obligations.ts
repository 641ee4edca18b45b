import { obligationCatalogue } from '../../adapters/dynamodb/catalogues.ts';
import { byDeadline } from '../../core/obligations/obligation.ts';
import { tableAccess } from '../table-access.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

const { client, tableName } = tableAccess();
const { obligations } = {
  obligations: obligationCatalogue(client, tableName),
};

/** GET /obligations — the catalogue, earliest deadline first. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  const catalogue = await obligations.list();
  return ok({ count: catalogue.length, obligations: catalogue.sort(byDeadline) });
});
