import * as aws from '../../aws-dependencies.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { type LatestFiguresDependencies, latestFiguresRoute, stateInPath } from './figure-routes.ts';

/** GET /states/{code}/figures. */
export const handlerFor = (deps: LatestFiguresDependencies) => latestFiguresRoute(stateInPath, deps);

export const handler = lazyHandler(() => handlerFor({ stateRecords: aws.stateRecords() }));
