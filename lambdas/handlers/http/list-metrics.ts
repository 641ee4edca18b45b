import * as aws from '../../aws-dependencies.ts';
import { noQuery } from '../../core/api/route-queries.ts';
import type { MetricCatalogue } from '../../core/ports/stores.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** GET /metrics — the metrics catalogue figures are recorded against. */
export const handlerFor = (deps: { readonly metrics: MetricCatalogue }) =>
  httpHandler(async (event) => {
    queryParameters(event, noQuery());
    const catalogue = (await deps.metrics.list()).sort((a, b) => a.id.localeCompare(b.id));
    return ok({ count: catalogue.length, metrics: catalogue });
  });

export const handler = lazyHandler(() => handlerFor({ metrics: aws.metrics() }));
