import * as z from 'zod/mini';
import { alertEventTypes } from '../../core/alerts/alert-event.ts';
import { listAlerts } from '../../core/queries/alert-query.ts';
import { isoDateSchema, isoInstantSchema } from '../../core/validation/common-schemas.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';
import { DynamoAlertEventStore } from '../../adapters/dynamodb/alert-event-repository.ts';
import { tableAccess } from '../table-access.ts';

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
    limit: z._default(z.pipe(z.string().check(z.regex(/^\d{1,4}$/, 'must be a whole number from 1 to 1000')), z.transform(Number)).check(z.minimum(1), z.maximum(1000)), 100),
    after: z.optional(z.string().check(z.maxLength(200))),
  });
  return ok(await listAlerts(query, alertEvents));
});
