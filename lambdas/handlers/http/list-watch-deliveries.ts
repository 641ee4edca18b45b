import { DynamoDeliveryLog } from '../../adapters/dynamodb/delivery-log-repository.ts';
import { listWatchDeliveries } from '../../core/delivery/delivery-query.ts';
import { tableAccess } from '../table-access.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { afterParameter, limitParameter } from './query-schemas.ts';
import { pathParameter, queryParameters } from './request-input.ts';
import { watchReadDependencies } from './watch-dependencies.ts';

const { client, tableName } = tableAccess();
const dependencies = { ...watchReadDependencies(), deliveryLog: new DynamoDeliveryLog(client, tableName) };

/** GET /watches/{id}/deliveries?limit=&after= — the watch's delivery log, newest first, paged by `next`. */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  const query = queryParameters(event, { limit: limitParameter(100, 20), after: afterParameter });
  return ok(await listWatchDeliveries(caller, pathParameter(event, 'id'), query, dependencies));
});
