import { metricCatalogue } from '../../adapters/dynamodb/catalogues.ts';
import { tableAccess } from '../table-access.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

const { client, tableName } = tableAccess();
const { metrics } = {
  metrics: metricCatalogue(client, tableName),
};

/** GET /metrics — the metrics catalogue figures are recorded against. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  const catalogue = (await metrics.list()).sort((a, b) => a.id.localeCompare(b.id));
  return ok({ count: catalogue.length, metrics: catalogue });
});
