import { latestFiguresRoute, world } from './figure-routes.ts';

/** GET /world/figures: the latest worldwide figure of every metric. */
export const handler = latestFiguresRoute(world);
