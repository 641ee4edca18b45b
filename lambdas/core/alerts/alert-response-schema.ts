import * as z from 'zod/mini';
import { nextCursor } from '../api/response-fields.ts';
import { storedAlertEventSchema } from './alert-event-schema.ts';

/** `GET /alerts`: stored alert events, oldest first. */
export const alertListResponseSchema = z.strictObject({
  count: z.int(),
  alerts: z.array(storedAlertEventSchema),
  next: nextCursor,
});
