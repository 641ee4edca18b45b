import * as aws from '../../aws-dependencies.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { type RecordFigureDependencies, recordFigureRoute, world } from './figure-routes.ts';

/** PUT /world/figures/{metric} (admin): a worldwide figure, which no state reports. */
export const handlerFor = (deps: RecordFigureDependencies) => recordFigureRoute(world, deps);

export const handler = lazyHandler(() =>
  handlerFor({ clock: aws.clock(), metrics: aws.metrics(), stateRecords: aws.stateRecords() }),
);
