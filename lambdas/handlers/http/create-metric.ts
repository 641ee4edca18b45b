import * as z from 'zod/mini';
import { metricCatalogue } from '../../adapters/dynamodb/catalogues.ts';
import { metricSchema } from '../../core/figures/figure-schema.ts';
import { tableAccess } from '../table-access.ts';
import { requireAdmin } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody } from './request-input.ts';

const { client, tableName } = tableAccess();
const { metrics } = {
  metrics: metricCatalogue(client, tableName),
};

/** POST /metrics (admin) — extends the metrics catalogue; 409 if the id is taken. */
export const handler = httpHandler(async (event) => {
  requireAdmin(event);
  const metric = jsonBody(event, z.strictObject(metricSchema.shape));
  await metrics.create(metric);
  return created(metric);
});
