import * as z from 'zod/mini';
import { alertEventTypes } from '../alerts/alert-event.ts';
import { isoInstantString, nextCursor } from '../api/response-fields.ts';

/** A watch as the API shows it (WatchView): the stored watch and, while it cannot send, its confirmation. */
export const watchViewSchema = z.strictObject({
  id: z.string(),
  owner: z.string(),
  name: z.optional(z.string()),
  target: z.strictObject({
    states: z.optional(z.array(z.string().check(z.regex(/^[A-Z]{2}$/)))),
    groups: z.optional(z.array(z.string())),
    all: z.optional(z.literal(true)),
  }),
  events: z.array(z.enum(alertEventTypes)),
  obligations: z.optional(z.array(z.string())),
  committees: z.optional(z.array(z.string())),
  metrics: z.optional(z.array(z.string())),
  minChangePct: z.optional(z.number()),
  channel: z.union([z.strictObject({ email: z.string() }), z.strictObject({ sms: z.string() })]),
  delivery: z.strictObject({
    mode: z.enum(['immediate', 'digest']),
    digestHourUtc: z.optional(z.int()),
    repeatEveryDays: z.optional(z.int()),
    resolved: z.boolean(),
  }),
  status: z.enum(['pending-confirmation', 'active', 'paused', 'opted-out', 'unsubscribed']),
  mutedUntil: z.optional(z.string()),
  createdAt: isoInstantString,
  updatedAt: isoInstantString,
  confirmation: z.optional(
    z.strictObject({
      state: z.enum(['pending', 'expired', 'unsubscribed', 'opted-out']),
      confirmBy: z.optional(isoInstantString),
      next: z.string(),
    }),
  ),
});

/** `GET /watches`. */
export const watchListResponseSchema = z.strictObject({ count: z.int(), watches: z.array(watchViewSchema) });

/** `POST /watches/{id}/feed-key`: the new key, and the feed's URL with it. */
export const feedKeyResponseSchema = z.strictObject({ key: z.string(), feedUrl: z.string() });

/** `GET /watches/{id}/preview`: what a run would send the watch's contact now. */
export const watchPreviewResponseSchema = z.strictObject({
  asOf: isoInstantString,
  watchId: z.string(),
  wouldNotSendBecause: z.optional(z.string()),
  events: z.array(
    z.strictObject({
      id: z.string(),
      type: z.enum(alertEventTypes),
      state: z.optional(z.string()),
      obligationId: z.optional(z.string()),
      metric: z.optional(z.string()),
    }),
  ),
  message: z.optional(
    z.union([z.strictObject({ subject: z.string(), body: z.string() }), z.strictObject({ sms: z.string() })]),
  ),
});

/** `GET /watches/{id}/deliveries`: the watch's delivery log, newest first. */
export const deliveryListResponseSchema = z.strictObject({
  count: z.int(),
  deliveries: z.array(
    z.strictObject({
      at: isoInstantString,
      contact: z.string(),
      channel: z.enum(['email', 'sms']),
      kind: z.enum(['alert', 'digest', 'repeat', 'test']),
      status: z.enum(['sent', 'capped', 'failed', 'skipped']),
      watchIds: z.array(z.string()),
      eventIds: z.array(z.string()),
      summary: z.string(),
      messageId: z.optional(z.string()),
      reason: z.optional(z.string()),
    }),
  ),
  next: nextCursor,
});

/** `POST /watches/{id}/test`: what became of the test message. */
export const testMessageResponseSchema = z.strictObject({
  contact: z.string(),
  status: z.enum(['sent', 'capped', 'failed', 'skipped', 'duplicate', 'retry-later']),
  eventIds: z.array(z.string()),
  messageId: z.optional(z.string()),
});
