import * as z from 'zod/mini';
import { isoDateString, nextCursor } from '../api/response-fields.ts';
import { obligationFields } from './obligation-schema.ts';

/** An obligation as the catalogue shows it: its definition and its first deadline, where it has one. */
export const obligationResponseSchema = z.strictObject({ ...obligationFields(), dueDate: z.optional(isoDateString) });

/** `GET /obligations`: the catalogue, earliest deadline first. */
export const obligationPageResponseSchema = z.strictObject({
  count: z.int(),
  obligations: z.array(obligationResponseSchema),
  next: nextCursor,
});
