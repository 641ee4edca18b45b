import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { logger } from '../adapters/logger.ts';
import { runDeadlineCheck, type DeadlineCheckOutcome } from '../core/commands/run-deadline-check.ts';
import { isoInstantSchema } from '../core/validation/common-schemas.ts';
import { requestLogging } from './request-logging.ts';
import { tableDependencies } from './table-dependencies.ts';

const dependencies = tableDependencies();

/** Only `time` matters: the check runs as of the schedule's instant, so replaying an event replays that day. */
const scheduledEventSchema = z.looseObject({ time: isoInstantSchema });

/**
 * EventBridge's scheduled deadline check. A malformed event is an error (EventBridge retries,
 * then the dead-letter queue keeps it), never a check run as of some other time.
 */
export const handler = middy<ScheduledEvent, Omit<DeadlineCheckOutcome, 'emitted'> & { readonly emitted: number }>()
  .use(requestLogging())
  .handler(async (event) => {
    const parsed = scheduledEventSchema.safeParse(event);
    if (!parsed.success) {
      logger.error('scheduled event without a usable time', { issues: parsed.error.issues, eventId: event.id });
      throw new Error(`Scheduled event ${String(event.id)} has no valid "time"; nothing was checked`);
    }
    const requestsBefore = dependencies.requests.total();
    const outcome = await runDeadlineCheck(new Date(parsed.data.time), dependencies);
    const summary = { at: outcome.at, emitted: outcome.emitted.length, alreadyStored: outcome.alreadyStored };
    logger.info('deadline check done', { ...summary, dynamoDbRequests: dependencies.requests.total() - requestsBefore });
    return summary;
  });
