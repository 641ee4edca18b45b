import * as aws from '../../aws-dependencies.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { type LatestFiguresDependencies, latestFiguresRoute, world } from './figure-routes.ts';

/** GET /world/figures: the latest worldwide figure of every metric. */
export const handlerFor = (deps: LatestFiguresDependencies) => latestFiguresRoute(world, deps);

export const handler = lazyHandler(() => handlerFor({ stateRecords: aws.stateRecords() }));
