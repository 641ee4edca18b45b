import * as z from 'zod/mini';
import { DynamoAlertEventStore } from '../../adapters/dynamodb/alert-event-repository.ts';
import { customGroupStore, obligationCatalogue } from '../../adapters/dynamodb/catalogues.ts';
import { DynamoStateRecords } from '../../adapters/dynamodb/state-records-repository.ts';
import { DynamoWatchStore } from '../../adapters/dynamodb/watch-repository.ts';
import { manageWatchesUrl } from '../../adapters/public-api-url.ts';
import { systemClock } from '../../adapters/system-clock.ts';
import { previewWatch } from '../../core/delivery/preview-watch.ts';
import { momentSchema } from '../../core/validation/common-schemas.ts';
import { tableAccess } from '../table-access.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

const { client, tableName } = tableAccess();
const dependencies = {
  watches: new DynamoWatchStore(client, tableName),
  alertEvents: new DynamoAlertEventStore(client, tableName),
  obligations: obligationCatalogue(client, tableName),
  customGroups: customGroupStore(client, tableName),
  stateRecords: new DynamoStateRecords(client, tableName),
  manageUrl: manageWatchesUrl(),
};

/** GET /watches/{id}/preview?asOf= — what the watch would be told as of a date or instant (now by default); sends nothing. */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { asOf } = queryParameters(event, { asOf: z.optional(momentSchema) });
  return ok(await previewWatch(caller, pathParameter(event, 'id'), asOf ?? systemClock.now(), dependencies));
});
