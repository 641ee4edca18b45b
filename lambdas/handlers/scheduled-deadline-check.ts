import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import type { RequestCounter } from '../adapters/dynamodb/request-counter.ts';
import { logger } from '../adapters/logger.ts';
import * as aws from '../aws-dependencies.ts';
import {
  type DeadlineCheckDependencies,
  type DeadlineCheckOutcome,
  runDeadlineCheck,
} from '../core/checks/run-deadline-check.ts';
import { lazyHandler } from './lazy-handler.ts';
import { requestLogging } from './request-logging.ts';
import { scheduledInstant } from './scheduled-instant.ts';

/**
 * EventBridge's scheduled deadline check. A malformed event is an error (EventBridge retries,
 * then the dead-letter queue keeps it), never a check run as of some other time.
 */
export const handlerFor = (deps: DeadlineCheckDependencies & { readonly requests: Pick<RequestCounter, 'total'> }) =>
  middy<ScheduledEvent, Omit<DeadlineCheckOutcome, 'emitted'> & { readonly emitted: number }>()
    .use(requestLogging())
    .handler(async (event) => {
      const at = scheduledInstant(event, 'checked');
      const requestsBefore = deps.requests.total();
      const outcome = await runDeadlineCheck(at, deps);
      const summary = { at: outcome.at, emitted: outcome.emitted.length, alreadyStored: outcome.alreadyStored };
      // What the missed-check alarm watches: a day without one means the schedule did not run, or failed every attempt.
      deps.serviceMetrics.record('scheduledChecksCompleted');
      logger.info('deadline check done', {
        ...summary,
        dynamoDbRequests: deps.requests.total() - requestsBefore,
      });
      return summary;
    });

export const handler = lazyHandler(() => handlerFor({ ...aws.deadlineCheck(), requests: aws.requests() }));
