import { figureHistoryRoute, world } from './figure-routes.ts';

/** GET /world/figures/{metric}: every worldwide figure recorded for the metric, newest `asOf` first. */
export const handler = figureHistoryRoute(world);
