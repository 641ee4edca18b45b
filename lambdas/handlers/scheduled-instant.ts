import type { ScheduledEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { logger } from '../adapters/logger.ts';
import { isoInstantSchema } from '../core/validation/common-schemas.ts';

/** Only `time` matters: a job runs as of the schedule's instant, so replaying an event replays that hour or day. */
const scheduledEventSchema = /* @__PURE__ */ z.lazy(() => z.looseObject({ time: isoInstantSchema }));

/**
 * The instant an EventBridge scheduled event stands for. A malformed event is an error
 * (EventBridge retries, then the dead-letter queue keeps it), never a run as of some other time.
 */
export const scheduledInstant = (event: ScheduledEvent, whatWouldRun: string): Date => {
  const parsed = scheduledEventSchema.safeParse(event);
  if (parsed.success) return new Date(parsed.data.time);
  logger.error('scheduled event without a usable time', { issues: parsed.error.issues, eventId: event.id });
  throw new Error(`Scheduled event ${String(event.id)} has no valid "time"; nothing was ${whatWouldRun}`);
};
