import { recordFigure } from '../../core/commands/record-figure.ts';
import { figureInputSchema } from '../../core/figures/figure-schema.ts';
import { requireAdmin } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { jsonBody, pathParameter } from './request-input.ts';
import { DynamoStateRecords } from '../../adapters/dynamodb/state-records-repository.ts';
import { systemClock } from '../../adapters/system-clock.ts';
import { tableAccess } from '../table-access.ts';
import { metricCatalogue } from '../../adapters/dynamodb/catalogues.ts';

const { client, tableName } = tableAccess();
const dependencies = {
  clock: systemClock,
  metrics: metricCatalogue(client, tableName),
  stateRecords: new DynamoStateRecords(client, tableName),
};

/** PUT /states/{code}/figures/{metric} (admin) — adds a figure; `latest` says whether it is now the one in force. */
export const handler = httpHandler(async (event) => {
  requireAdmin(event);
  const input = jsonBody(event, figureInputSchema);
  return ok(await recordFigure(pathParameter(event, 'code'), pathParameter(event, 'metric'), input, dependencies));
});
