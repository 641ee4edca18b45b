import * as z from 'zod/mini';
import { describeState } from '../../core/queries/state-directory.ts';
import { isoDateSchema } from '../../core/validation/common-schemas.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';
import { DynamoStateRecords } from '../../adapters/dynamodb/state-records-repository.ts';
import { systemClock } from '../../adapters/system-clock.ts';
import { tableAccess } from '../table-access.ts';
import { customGroupStore, obligationCatalogue } from '../../adapters/dynamodb/catalogues.ts';

const { client, tableName } = tableAccess();
const dependencies = {
  clock: systemClock,
  customGroups: customGroupStore(client, tableName),
  obligations: obligationCatalogue(client, tableName),
  stateRecords: new DynamoStateRecords(client, tableName),
};

/** GET /states/{code}[?asOf=YYYY-MM-DD] — a state, its groups, its standing on each obligation, its latest figures. */
export const handler = httpHandler(async (event) => {
  const { asOf } = queryParameters(event, { asOf: z.optional(isoDateSchema) });
  return ok(await describeState(pathParameter(event, 'code'), asOf, dependencies));
});
