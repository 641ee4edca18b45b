import * as z from 'zod/mini';

/** `POST /imports`: what was written (with `dryRun`, what would be), what was there already, what was skipped. */
export const importResponseSchema = z.strictObject({
  dryRun: z.boolean(),
  recordedAt: z.string(),
  rows: z.int(),
  written: z.strictObject({ reports: z.int(), figures: z.int(), latestFigures: z.int() }),
  unchanged: z.int(),
  skipped: z.array(z.strictObject({ row: z.int(), message: z.string() })),
});
