import * as z from 'zod/mini';
import { DynamoAlertEventStore } from '../../adapters/dynamodb/alert-event-repository.ts';
import { alertEventTypes } from '../../core/alerts/alert-event.ts';
import { listAlerts } from '../../core/alerts/alert-query.ts';
import { isoDateSchema, isoInstantSchema } from '../../core/validation/common-schemas.ts';
import { tableAccess } from '../table-access.ts';
import { httpHandler, ok } from './http-handler.ts';
import { afterParameter, limitParameter } from './query-schemas.ts';
import { queryParameters } from './request-input.ts';

const { client, tableName } = tableAccess();
const { alertEvents } = {
  alertEvents: new DynamoAlertEventStore(client, tableName),
};

/** GET /alerts?state=&type=&since=&limit=&after= — stored alert events, oldest first, paged by `next`. */
export const handler = httpHandler(async (event) => {
  const query = queryParameters(event, {
    state: z.optional(z.string()),
    type: z.optional(z.enum(alertEventTypes)),
    since: z.optional(z.union([isoDateSchema, isoInstantSchema])),
    limit: limitParameter(1000, 100),
    after: afterParameter,
  });
  return ok(await listAlerts(query, alertEvents));
});
