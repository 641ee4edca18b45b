import * as z from 'zod/mini';

/**
 * Every refusal the API answers (4xx) and its rare 500: `code` is stable for clients to branch on,
 * `message` is for people, `field` names the input at fault; a 429 also names the budget spent. An
 * import's refusal also lists the rows at fault (the first 100) and how many more there are.
 */
export const errorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
    budget: z.optional(z.string()),
    retryAfterSeconds: z.optional(z.number()),
  }),
  rows: z.optional(z.array(z.strictObject({ row: z.int(), field: z.string(), message: z.string() }))),
  moreErrors: z.optional(z.int()),
});
