import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../adapters/logger.ts';
import * as aws from '../aws-dependencies.ts';
import type { DeliveryOutcome } from '../core/delivery/deliver.ts';
import { type DigestDependencies, sendDigests } from '../core/delivery/send-digests.ts';
import { type RepeatDependencies, sendRepeats } from '../core/delivery/send-repeats.ts';
import { lazyHandler } from './lazy-handler.ts';
import { requestLogging } from './request-logging.ts';
import { scheduledInstant } from './scheduled-instant.ts';

export interface ScheduledDeliveryOutcome {
  readonly at: string;
  readonly repeats: number;
  readonly digests: number;
}

const sent = (outcomes: readonly DeliveryOutcome[]): number =>
  outcomes.filter(({ status }) => status === 'sent').length;

/**
 * The hourly delivery job, as of the schedule's instant: re-announces what is still overdue to
 * repeating watches, then sends the digests due this hour.
 */
export const handlerFor = (deps: RepeatDependencies & DigestDependencies) =>
  middy<ScheduledEvent, ScheduledDeliveryOutcome>()
    .use(requestLogging())
    .handler(async (event) => {
      const at = scheduledInstant(event, 'delivered');
      const repeats = await sendRepeats(at, await deps.watches.listRepeating(), deps);
      const digests = await sendDigests(at, deps);
      const outcome = { at: at.toISOString(), repeats: sent(repeats), digests: sent(digests) };
      logger.info('scheduled delivery done', outcome);
      return outcome;
    });

export const handler = lazyHandler(() => handlerFor(aws.scheduledDelivery()));
