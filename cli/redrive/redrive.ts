import type { Message, SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod/mini';
import type { DeliveryQueueName } from '../../lambdas/contracts/delivery-queues.ts';
import { deliveryJobSchema } from '../../lambdas/core/delivery/delivery-job-schema.ts';
import type { QueueAddresses } from '../../local/queues/queue-addresses.ts';
import { type Destination, moveMessages } from './move-messages.ts';

/** What redrive empties: the parked failures, and each delivery queue's dead-letter queue. */
export type RedriveSource = 'failures' | DeliveryQueueName;
export const redriveSources: readonly RedriveSource[] = ['failures', 'waves', 'shards', 'email', 'sms'];

/** How many messages went from one queue to another, or stayed (`to` is then `kept: <reason>`). */
export interface RedriveRow {
  readonly from: string;
  readonly to: string;
  readonly count: number;
}

/** A parked failure as the pipeline's senders park it; only its job matters here. */
const parkedSchema = z.object({ job: z.optional(deliveryJobSchema) });

/** A parked failure goes back to its channel's queue as the job it was; one without a job (the hourly job's) stays. */
const parkedJobDestination =
  (addresses: QueueAddresses) =>
  ({ Body = '' }: Message): Destination => {
    let json: unknown;
    try {
      json = JSON.parse(Body);
    } catch {
      return { kind: 'keep', reason: 'not JSON' };
    }
    const parsed = parkedSchema.safeParse(json);
    if (!parsed.success) return { kind: 'keep', reason: 'not a parked failure' };
    const { job } = parsed.data;
    if (job === undefined) return { kind: 'keep', reason: 'no job to replay' };
    return { kind: 'move', queue: job.channel, url: addresses.queues[job.channel].url, body: JSON.stringify(job) };
  };

/** A dead letter goes back to the queue it died on, as it was. */
const deadLetterDestination =
  (addresses: QueueAddresses, name: DeliveryQueueName) =>
  ({ Body = '', MessageAttributes }: Message): Destination => ({
    kind: 'move',
    queue: name,
    url: addresses.queues[name].url,
    body: Body,
    ...(MessageAttributes === undefined ? {} : { attributes: MessageAttributes }),
  });

/**
 * Puts parked jobs back on their channel's queue and dead letters back on their own queue, once
 * the cause is fixed; a dry run moves nothing and says what would move. A replayed job is sent
 * even though its message record was settled `failed`; one sent or skipped since is not.
 */
export const redrive = async (
  sqs: SQSClient,
  addresses: QueueAddresses,
  options: { readonly sources: readonly RedriveSource[]; readonly dryRun: boolean },
): Promise<RedriveRow[]> => {
  const rows: RedriveRow[] = [];
  for (const source of options.sources) {
    const [from, url, route] =
      source === 'failures'
        ? ['delivery-failures', addresses.failures, parkedJobDestination(addresses)]
        : [`${source}-dlq`, addresses.queues[source].dlqUrl, deadLetterDestination(addresses, source)];
    const tally = await moveMessages(sqs, url, route, { dryRun: options.dryRun });
    rows.push(
      ...(tally.size === 0
        ? [{ from, to: '(empty)', count: 0 }]
        : [...tally].map(([to, count]) => ({ from, to, count }))),
    );
  }
  return rows;
};
