import * as aws from '../../aws-dependencies.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { type FigureHistoryDependencies, figureHistoryRoute, stateInPath } from './figure-routes.ts';

/** GET /states/{code}/figures/{metric}. */
export const handlerFor = (deps: FigureHistoryDependencies) => figureHistoryRoute(stateInPath, deps);

export const handler = lazyHandler(() => handlerFor({ metrics: aws.metrics(), stateRecords: aws.stateRecords() }));
