import { findMetric } from '../../core/commands/figure-from-input.ts';
import { findState } from '../../core/queries/state-directory.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';
import { DynamoStateRecords } from '../../adapters/dynamodb/state-records-repository.ts';
import { tableAccess } from '../table-access.ts';
import { metricCatalogue } from '../../adapters/dynamodb/catalogues.ts';

const { client, tableName } = tableAccess();
const { stateRecords, metrics } = {
  stateRecords: new DynamoStateRecords(client, tableName),
  metrics: metricCatalogue(client, tableName),
};

/** GET /states/{code}/figures/{metric} — every figure recorded for the metric, newest `asOf` first. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  const state = findState(pathParameter(event, 'code'));
  const metric = await findMetric(metrics, pathParameter(event, 'metric'), 'metric');
  const history = await stateRecords.figureHistory(state.alpha2, metric.id);
  return ok({ state: state.alpha2, metric, count: history.length, history });
});
