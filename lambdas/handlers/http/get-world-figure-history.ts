import * as aws from '../../aws-dependencies.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { type FigureHistoryDependencies, figureHistoryRoute, world } from './figure-routes.ts';

/** GET /world/figures/{metric}: every worldwide figure recorded for the metric, newest `asOf` first. */
export const handlerFor = (deps: FigureHistoryDependencies) => figureHistoryRoute(world, deps);

export const handler = lazyHandler(() => handlerFor({ metrics: aws.metrics(), stateRecords: aws.stateRecords() }));
