import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { WORLD } from '../../contracts/world.ts';
import { noQuery } from '../../core/api/route-queries.ts';
import { findMetric } from '../../core/figures/figure-from-input.ts';
import { figureInputSchema } from '../../core/figures/figure-schema.ts';
import { recordFigure } from '../../core/figures/record-figure.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { MetricCatalogue, StateRecords } from '../../core/ports/stores.ts';
import { findState } from '../../core/status/state-directory.ts';
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

export interface RecordFigureDependencies {
  readonly clock: Clock;
  readonly metrics: MetricCatalogue;
  readonly stateRecords: StateRecords;
}

export interface LatestFiguresDependencies {
  readonly stateRecords: Pick<StateRecords, 'latestFiguresOf'>;
}

export interface FigureHistoryDependencies {
  readonly metrics: Pick<MetricCatalogue, 'get'>;
  readonly stateRecords: Pick<StateRecords, 'figureHistory'>;
}

/** PUT …/figures/{metric} (admin) — adds a figure; `latest` says whether it is now the one in force. */
export const recordFigureRoute = (subjectOf: SubjectOf, deps: RecordFigureDependencies) =>
  httpHandler(async (event) => {
    requireAdmin(event);
    const subject = subjectOf(event);
    const input = jsonBody(event, figureInputSchema);
    return ok(await recordFigure(subject, pathParameter(event, 'metric'), input, deps));
  });

/** GET …/figures — the latest figure of every metric reported for the subject. */
export const latestFiguresRoute = (subjectOf: SubjectOf, deps: LatestFiguresDependencies) =>
  httpHandler(async (event) => {
    queryParameters(event, noQuery());
    const subject = subjectOf(event);
    const figures = await deps.stateRecords.latestFiguresOf(subject);
    return ok({ state: subject, count: figures.length, figures });
  });

/** GET …/figures/{metric} — every figure recorded for the metric, newest `asOf` first. */
export const figureHistoryRoute = (subjectOf: SubjectOf, deps: FigureHistoryDependencies) =>
  httpHandler(async (event) => {
    queryParameters(event, noQuery());
    const subject = subjectOf(event);
    const metric = await findMetric(deps.metrics, pathParameter(event, 'metric'), 'metric');
    const history = await deps.stateRecords.figureHistory(subject, metric.id);
    return ok({ state: subject, metric, count: history.length, history });
  });
