import { latestFiguresRoute, stateInPath } from './figure-routes.ts';

/** GET /states/{code}/figures. */
export const handler = latestFiguresRoute(stateInPath);
