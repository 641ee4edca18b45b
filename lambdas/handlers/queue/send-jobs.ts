import { SENDER_RESERVE_MILLIS } from '../../contracts/delivery-queues.ts';
import { deliveryJobSchema } from '../../core/delivery/delivery-job-schema.ts';
import { type SendJobDependencies, sendJob } from '../../core/delivery/send-job.ts';
import { queueBatchHandler } from './queue-batch.ts';

/**
 * A channel's sender (send-email-jobs.ts and send-sms-jobs.ts, each on its channel's queue with
 * only its provider's client in its bundle): each job of the batch claimed, sent and settled on its own, all ten at once
 * (sends wait on the provider, not the CPU). A job another sender holds, or that the provider
 * throttled, goes back to the queue and comes again after the visibility timeout.
 */
export const handlerFor = (
  deps: SendJobDependencies,
  timing: { readonly reserveMillis: number } = { reserveMillis: SENDER_RESERVE_MILLIS },
) =>
  queueBatchHandler({
    what: 'delivery job',
    schema: deliveryJobSchema,
    concurrency: 10,
    reserveMillis: timing.reserveMillis,
    process: async (job) => {
      const { status } = await sendJob(job, deps);
      return { status, retry: status === 'retry-later' };
    },
  });
