import * as z from 'zod/mini';
import { metricSchema, storedFigureSchema } from './figure-schema.ts';

/** `GET /states/{code}/figures` and `GET /world/figures`: the latest figure of each metric. */
export const latestFiguresResponseSchema = z.strictObject({
  state: z.string(),
  count: z.int(),
  figures: z.array(storedFigureSchema),
});

/** `GET /states/{code}/figures/{metric}` and `GET /world/figures/{metric}`: every figure of one metric, oldest first. */
export const figureHistoryResponseSchema = z.strictObject({
  state: z.string(),
  metric: metricSchema,
  count: z.int(),
  history: z.array(storedFigureSchema),
});

/** `GET /metrics`. */
export const metricListResponseSchema = z.strictObject({ count: z.int(), metrics: z.array(metricSchema) });

/** `PUT /states/{code}/figures/{metric}` and `PUT /world/figures/{metric}`: the figure stored, and whether it is now the latest. */
export const recordedFigureResponseSchema = z.strictObject({ figure: storedFigureSchema, latest: z.boolean() });
