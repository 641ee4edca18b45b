import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../adapters/logger.ts';
import { type DeadlineCheckOutcome, runDeadlineCheck } from '../core/checks/run-deadline-check.ts';
import { requestLogging } from './request-logging.ts';
import { scheduledInstant } from './scheduled-instant.ts';
import { tableDependencies } from './table-dependencies.ts';

const dependencies = tableDependencies();

/**
 * EventBridge's scheduled deadline check. A malformed event is an error (EventBridge retries,
 * then the dead-letter queue keeps it), never a check run as of some other time.
 */
export const handler = middy<ScheduledEvent, Omit<DeadlineCheckOutcome, 'emitted'> & { readonly emitted: number }>()
  .use(requestLogging())
  .handler(async (event) => {
    const at = scheduledInstant(event, 'checked');
    const requestsBefore = dependencies.requests.total();
    const outcome = await runDeadlineCheck(at, dependencies);
    const summary = { at: outcome.at, emitted: outcome.emitted.length, alreadyStored: outcome.alreadyStored };
    logger.info('deadline check done', {
      ...summary,
      dynamoDbRequests: dependencies.requests.total() - requestsBefore,
    });
    return summary;
  });
