import * as z from 'zod/mini';
import { storedAlertEventSchema } from '../alerts/alert-event-schema.ts';

/** `POST /checks`: the events this run stored, and what it cost in DynamoDB requests. */
export const checkRunResponseSchema = z.strictObject({
  at: z.string(),
  emitted: z.array(storedAlertEventSchema),
  alreadyStored: z.int(),
  skipped: z.optional(z.string()),
  count: z.int(),
  dynamoDbRequests: z.int(),
});
