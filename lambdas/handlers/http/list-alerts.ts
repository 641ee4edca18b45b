import * as aws from '../../aws-dependencies.ts';
import { listAlerts } from '../../core/alerts/alert-query.ts';
import { alertsQuery } from '../../core/api/route-queries.ts';
import type { AlertEventStore } from '../../core/ports/stores.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** GET /alerts?state=&type=&since=&limit=&after= — stored alert events, oldest first, paged by `next`. */
export const handlerFor = (deps: { readonly alertEvents: AlertEventStore }) =>
  httpHandler(async (event) => {
    const query = queryParameters(event, alertsQuery());
    return ok(await listAlerts(query, deps.alertEvents));
  });

export const handler = lazyHandler(() => handlerFor({ alertEvents: aws.alertEvents() }));
