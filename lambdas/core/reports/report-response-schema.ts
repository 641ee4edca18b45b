import * as z from 'zod/mini';
import { storedFigureSchema } from '../figures/figure-schema.ts';
import { storedReportSchema } from './report-schema.ts';

/** `POST /states/{code}/reports`: the report stored, and each figure it carried with whether it is now the latest. */
export const recordedReportResponseSchema = z.strictObject({
  report: storedReportSchema,
  figures: z.array(z.intersection(storedFigureSchema, z.object({ latest: z.boolean() }))),
});
