import { findState } from '../../core/queries/state-directory.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';
import { DynamoStateRecords } from '../../adapters/dynamodb/state-records-repository.ts';
import { tableAccess } from '../table-access.ts';

const { client, tableName } = tableAccess();
const { stateRecords } = {
  stateRecords: new DynamoStateRecords(client, tableName),
};

/** GET /states/{code}/figures — the latest figure of every metric reported for the state. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  const state = findState(pathParameter(event, 'code'));
  const figures = await stateRecords.latestFiguresOf(state.alpha2);
  return ok({ state: state.alpha2, count: figures.length, figures });
});
