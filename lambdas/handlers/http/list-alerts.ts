import * as z from 'zod/mini';
import * as aws from '../../aws-dependencies.ts';
import { alertEventTypes } from '../../core/alerts/alert-event.ts';
import { listAlerts } from '../../core/alerts/alert-query.ts';
import type { AlertEventStore } from '../../core/ports/stores.ts';
import { isoDateSchema, isoInstantSchema } from '../../core/validation/common-schemas.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { afterParameter, limitParameter } from './query-schemas.ts';
import { queryParameters } from './request-input.ts';

/** GET /alerts?state=&type=&since=&limit=&after= — stored alert events, oldest first, paged by `next`. */
export const handlerFor = (deps: { readonly alertEvents: AlertEventStore }) =>
  httpHandler(async (event) => {
    const query = queryParameters(event, {
      state: z.optional(z.string()),
      type: z.optional(z.enum(alertEventTypes)),
      since: z.optional(z.union([isoDateSchema, isoInstantSchema])),
      limit: limitParameter(1000, 100),
      after: afterParameter,
    });
    return ok(await listAlerts(query, deps.alertEvents));
  });

export const handler = lazyHandler(() => handlerFor({ alertEvents: aws.alertEvents() }));
