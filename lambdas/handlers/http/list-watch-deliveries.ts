import * as aws from '../../aws-dependencies.ts';
import { deliveriesQuery } from '../../core/api/route-queries.ts';
import { listWatchDeliveries } from '../../core/delivery/delivery-query.ts';
import type { DeliveryLog, WatchStore } from '../../core/ports/stores.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

/** GET /watches/{id}/deliveries?limit=&after= — the watch's delivery log, newest first, paged by `next`. */
export const handlerFor = (deps: { readonly watches: WatchStore; readonly deliveryLog: DeliveryLog }) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    const query = queryParameters(event, deliveriesQuery());
    return ok(await listWatchDeliveries(caller, pathParameter(event, 'id'), query, deps));
  });

export const handler = lazyHandler(() => handlerFor({ watches: aws.watches(), deliveryLog: aws.deliveryLog() }));
