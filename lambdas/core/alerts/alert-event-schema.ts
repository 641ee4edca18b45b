import * as z from 'zod/mini';
import { alertEventTypes } from './alert-event.ts';

/** An alert event as stored, and as the table's stream carries it to the dispatcher. */
export const storedAlertEventSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    type: z.enum(alertEventTypes),
    at: z.string(),
    state: z.optional(z.string()),
    obligationId: z.optional(z.string()),
    committee: z.optional(z.string()),
    metric: z.optional(z.string()),
    data: z.record(z.string(), z.unknown()),
    dedupKey: z.string(),
    waveId: z.optional(z.string()),
    storedAt: z.optional(z.string()),
  }),
);
