import { recordFigureRoute, world } from './figure-routes.ts';

/** PUT /world/figures/{metric} (admin): a worldwide figure, which no state reports. */
export const handler = recordFigureRoute(world);
