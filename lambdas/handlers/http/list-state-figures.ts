import { findState } from '../../core/queries/state-directory.ts';
import { tableDependencies } from '../table-dependencies.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

const { stateRecords } = tableDependencies();

/** GET /states/{code}/figures — the latest figure of every metric reported for the state. */
export const handler = httpHandler(async (event) => {
  queryParameters(event, {});
  const state = findState(pathParameter(event, 'code'));
  const figures = await stateRecords.latestFiguresOf(state.alpha2);
  return ok({ state: state.alpha2, count: figures.length, figures });
});
