import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { metricCatalogue } from '../../adapters/dynamodb/catalogues.ts';
import { DynamoStateRecords } from '../../adapters/dynamodb/state-records-repository.ts';
import { systemClock } from '../../adapters/system-clock.ts';
import { WORLD } from '../../contracts/world.ts';
import { findMetric } from '../../core/figures/figure-from-input.ts';
import { figureInputSchema } from '../../core/figures/figure-schema.ts';
import { recordFigure } from '../../core/figures/record-figure.ts';
import { findState } from '../../core/status/state-directory.ts';
import { tableAccess } from '../table-access.ts';
import { requireAdmin } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { jsonBody, pathParameter, queryParameters } from './request-input.ts';

/**
 * Whose figures a route is about: a member state (`/states/{code}/figures…`) or the world
 * (`/world/figures…`). Both kinds of route share one implementation, so worldwide figures are
 * validated, stored, versioned and alerted on exactly as a state's are.
 */
type SubjectOf = (event: APIGatewayProxyEventV2) => string;

export const stateInPath: SubjectOf = (event) => findState(pathParameter(event, 'code')).alpha2;
export const world: SubjectOf = () => WORLD;

const figureStores = () => {
  const { client, tableName } = tableAccess();
  return {
    clock: systemClock,
    metrics: metricCatalogue(client, tableName),
    stateRecords: new DynamoStateRecords(client, tableName),
  };
};

/** PUT …/figures/{metric} (admin) — adds a figure; `latest` says whether it is now the one in force. */
export const recordFigureRoute = (subjectOf: SubjectOf) => {
  const dependencies = figureStores();
  return httpHandler(async (event) => {
    requireAdmin(event);
    const subject = subjectOf(event);
    const input = jsonBody(event, figureInputSchema);
    return ok(await recordFigure(subject, pathParameter(event, 'metric'), input, dependencies));
  });
};

/** GET …/figures — the latest figure of every metric reported for the subject. */
export const latestFiguresRoute = (subjectOf: SubjectOf) => {
  const { stateRecords } = figureStores();
  return httpHandler(async (event) => {
    queryParameters(event, {});
    const subject = subjectOf(event);
    const figures = await stateRecords.latestFiguresOf(subject);
    return ok({ state: subject, count: figures.length, figures });
  });
};

/** GET …/figures/{metric} — every figure recorded for the metric, newest `asOf` first. */
export const figureHistoryRoute = (subjectOf: SubjectOf) => {
  const { stateRecords, metrics } = figureStores();
  return httpHandler(async (event) => {
    queryParameters(event, {});
    const subject = subjectOf(event);
    const metric = await findMetric(metrics, pathParameter(event, 'metric'), 'metric');
    const history = await stateRecords.figureHistory(subject, metric.id);
    return ok({ state: subject, metric, count: history.length, history });
  });
};
