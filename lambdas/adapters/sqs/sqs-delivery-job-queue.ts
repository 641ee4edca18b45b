import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryJob, ShardJob } from '../../core/delivery/delivery-job.ts';
import type { DeliveryJobQueue } from '../../core/ports/delivery-pipeline.ts';
import type { ChannelKind } from '../../core/watches/watch.ts';
import { sendMessageBatches } from './send-message-batches.ts';

export interface DeliveryQueueUrls {
  readonly shards: string;
  readonly senders: Readonly<Record<ChannelKind, string>>;
}

/** Shard jobs to the shard workers' queue; delivery jobs to their channel's sender queue. */
export class SqsDeliveryJobQueue implements DeliveryJobQueue {
  readonly #sqs: SQSClient;
  readonly #urls: DeliveryQueueUrls;

  constructor(sqs: SQSClient, urls: DeliveryQueueUrls) {
    this.#sqs = sqs;
    this.#urls = urls;
  }

  enqueueShards(jobs: readonly ShardJob[]): Promise<void> {
    return sendMessageBatches(this.#sqs, this.#urls.shards, jobs);
  }

  async enqueueDeliveries(jobs: readonly DeliveryJob[]): Promise<void> {
    await Promise.all(
      (['email', 'sms'] as const).map((channel) =>
        sendMessageBatches(
          this.#sqs,
          this.#urls.senders[channel],
          jobs.filter((job) => job.channel === channel),
        ),
      ),
    );
  }
}
