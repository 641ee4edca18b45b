import * as aws from '../../aws-dependencies.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { type RecordFigureDependencies, recordFigureRoute, stateInPath } from './figure-routes.ts';

/** PUT /states/{code}/figures/{metric} (admin). */
export const handlerFor = (deps: RecordFigureDependencies) => recordFigureRoute(stateInPath, deps);

export const handler = lazyHandler(() =>
  handlerFor({ clock: aws.clock(), metrics: aws.metrics(), stateRecords: aws.stateRecords() }),
);
