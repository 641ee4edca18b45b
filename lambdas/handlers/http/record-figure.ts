import { recordFigureRoute, stateInPath } from './figure-routes.ts';

/** PUT /states/{code}/figures/{metric} (admin). */
export const handler = recordFigureRoute(stateInPath);
