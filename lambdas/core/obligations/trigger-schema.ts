import * as z from 'zod/mini';
import { isoDateSchema, slugSchema, text } from '../validation/common-schemas.ts';

/** `POST /states/{code}/triggers`: which conditional duty, the day its event happened, and a note. */
export const triggerInputSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({ obligationId: slugSchema, on: isoDateSchema, note: z.optional(text(500)) }),
);

export type TriggerInput = z.infer<typeof triggerInputSchema>;

/** A trigger as stored and read back. */
export const storedTriggerSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    state: z.string(),
    obligationId: z.string(),
    on: isoDateSchema,
    note: z.optional(z.string()),
    recordedAt: z.string(),
  }),
);
