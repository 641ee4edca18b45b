import { figureHistoryRoute, stateInPath } from './figure-routes.ts';

/** GET /states/{code}/figures/{metric}. */
export const handler = figureHistoryRoute(stateInPath);
