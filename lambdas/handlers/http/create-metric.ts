import * as aws from '../../aws-dependencies.ts';
import { metricInputSchema } from '../../core/figures/figure-schema.ts';
import type { MetricCatalogue } from '../../core/ports/stores.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requireAdmin } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody } from './request-input.ts';

/** POST /metrics (admin) — extends the metrics catalogue; 409 if the id is taken. */
export const handlerFor = (deps: { readonly metrics: MetricCatalogue }) =>
  httpHandler(async (event) => {
    requireAdmin(event);
    const metric = jsonBody(event, metricInputSchema);
    await deps.metrics.create(metric);
    return created(metric);
  });

export const handler = lazyHandler(() => handlerFor({ metrics: aws.metrics() }));
