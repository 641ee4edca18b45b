import { tableDependencies } from '../table-dependencies.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

const { metrics } = tableDependencies();

/** GET /metrics — the metrics catalogue figures are recorded against. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  const catalogue = (await metrics.list()).sort((a, b) => a.id.localeCompare(b.id));
  return ok({ count: catalogue.length, metrics: catalogue });
});
