import * as z from 'zod/mini';
import { metricSchema } from '../../core/figures/figure-schema.ts';
import { tableDependencies } from '../table-dependencies.ts';
import { requireAdmin } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody } from './request-input.ts';

const { metrics } = tableDependencies();

/** POST /metrics (admin) — extends the metrics catalogue; 409 if the id is taken. */
export const handler = httpHandler(async (event) => {
  requireAdmin(event);
  const metric = jsonBody(event, z.strictObject(metricSchema.shape));
  await metrics.create(metric);
  return created(metric);
});
