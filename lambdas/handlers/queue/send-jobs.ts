import { logger } from '../../adapters/logger.ts';
import { SENDER_RESERVE_MILLIS } from '../../contracts/delivery-queues.ts';
import { deliveryJobSchema } from '../../core/delivery/delivery-job-schema.ts';
import { type SenderDependencies, sendJob } from '../../core/delivery/send-job.ts';
import { deferredSeconds, delayThrottled } from '../../core/delivery/throttle-backoff.ts';
import { queueBatchHandler } from './queue-batch.ts';

/**
 * A channel's sender (send-email-jobs.ts and send-sms-jobs.ts, each on its channel's queue with
 * only its provider's client in its bundle): each job of the batch claimed, sent and settled on its own, all ten at once
 * (sends wait on the provider, not the CPU). A job another sender holds goes back to the queue
 * and comes again after the visibility timeout, when that sender's lease has run out; a job the
 * provider throttled comes again after an exponential backoff with jitter (THROTTLE_BACKOFF),
 * set on its receipt handle before it is handed back; a text deferred because the day's texts
 * are spent comes again the next UTC day.
 */
export const handlerFor = (
  deps: SenderDependencies,
  timing: { readonly reserveMillis: number } = { reserveMillis: SENDER_RESERVE_MILLIS },
) =>
  queueBatchHandler({
    what: 'delivery job',
    schema: deliveryJobSchema,
    concurrency: 10,
    reserveMillis: timing.reserveMillis,
    correlation: (job) => ({ waveId: job.waveId, eventIds: job.events.map(({ id }) => id) }),
    process: async (job, record) => {
      const correlation = { messageId: record.messageId, waveId: job.waveId, eventIds: job.events.map(({ id }) => id) };
      const { status } = await sendJob(job, deps);
      const receiveCount = Number(record.attributes.ApproximateReceiveCount);
      // Should SQS refuse a delay, the job still goes back: it comes again after the visibility timeout instead.
      const delayed = (seconds: Promise<number>) =>
        seconds.then(
          (set) => logger.debug('delivery job delayed', { ...correlation, status, seconds: set }),
          (error: unknown) => logger.warn('delivery job not delayed', { ...correlation, status, receiveCount, error }),
        );
      if (status === 'throttled') await delayed(delayThrottled(record.receiptHandle, receiveCount, deps.backoff));
      if (status === 'deferred') {
        const seconds = deferredSeconds(deps.clock.now());
        await delayed(deps.backoff.visibility.returnAfter(record.receiptHandle, seconds).then(() => seconds));
      }
      return { status, retry: status === 'retry-later' || status === 'throttled' || status === 'deferred' };
    },
  });
