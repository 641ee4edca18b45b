import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../adapters/logger.ts';
import * as aws from '../aws-dependencies.ts';
import { queueDigests, queueRepeats, type ScheduledJobDependencies } from '../core/delivery/plan-scheduled-jobs.ts';
import { lazyHandler } from './lazy-handler.ts';
import { requestLogging } from './request-logging.ts';
import { scheduledInstant } from './scheduled-instant.ts';

/** What the run put on the senders' queues: one job per contact for each. */
export interface ScheduledDeliveryOutcome {
  readonly at: string;
  readonly repeats: number;
  readonly digests: number;
}

/**
 * The hourly delivery job, as of the schedule's instant: plans the reminders of what is still
 * overdue for repeating watches, and the digests due this hour, as jobs the channels' senders send.
 */
export const handlerFor = (deps: ScheduledJobDependencies) =>
  middy<ScheduledEvent, ScheduledDeliveryOutcome>()
    .use(requestLogging())
    .handler(async (event) => {
      const at = scheduledInstant(event, 'delivered');
      const repeats = await queueRepeats(at, deps);
      const digests = await queueDigests(at, deps);
      const outcome = { at: at.toISOString(), repeats, digests };
      logger.info('scheduled delivery queued', outcome);
      return outcome;
    });

export const handler = lazyHandler(() => handlerFor(aws.scheduledDelivery()));
