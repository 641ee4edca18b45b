import { recordingCatalogues } from '../../adapters/dynamodb/catalogues.ts';
import { DynamoStateRecords } from '../../adapters/dynamodb/state-records-repository.ts';
import { systemClock } from '../../adapters/system-clock.ts';
import { recordReport } from '../../core/reports/record-report.ts';
import { reportInputSchema } from '../../core/reports/report-schema.ts';
import { tableAccess } from '../table-access.ts';
import { requireAdmin } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody, pathParameter } from './request-input.ts';

const { client, tableName } = tableAccess();
const dependencies = {
  clock: systemClock,
  ...recordingCatalogues(client, tableName),
  stateRecords: new DynamoStateRecords(client, tableName),
};

/** POST /states/{code}/reports (admin) — records a report and the figures it gives; 409 if recorded before. */
export const handler = httpHandler(async (event) => {
  requireAdmin(event);
  const input = jsonBody(event, reportInputSchema);
  return created(await recordReport(pathParameter(event, 'code'), input, dependencies));
});
