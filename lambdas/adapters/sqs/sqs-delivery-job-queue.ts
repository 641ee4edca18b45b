import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryJob, ShardJob } from '../../core/delivery/delivery-job.ts';
import type { DeliveryJobQueue } from '../../core/ports/delivery-pipeline.ts';
import type { ChannelKind } from '../../core/watches/watch.ts';
import { sendMessageBatches } from './send-message-batches.ts';

export type SenderQueueUrls = Readonly<Record<ChannelKind, string>>;

export interface DeliveryQueueUrls {
  readonly shards: string;
  readonly senders: SenderQueueUrls;
}

/** Delivery jobs to their channel's sender queue: what the hourly job plans. */
export class SqsSenderQueues implements Pick<DeliveryJobQueue, 'enqueueDeliveries'> {
  protected readonly sqs: SQSClient;
  readonly #senders: SenderQueueUrls;

  constructor(sqs: SQSClient, senders: SenderQueueUrls) {
    this.sqs = sqs;
    this.#senders = senders;
  }

  async enqueueDeliveries(jobs: readonly DeliveryJob[]): Promise<void> {
    await Promise.all(
      (['email', 'sms'] as const).map((channel) =>
        sendMessageBatches(
          this.sqs,
          this.#senders[channel],
          jobs.filter((job) => job.channel === channel),
        ),
      ),
    );
  }
}

/** Shard jobs to the shard workers' queue, and delivery jobs to their channel's sender queue: what a wave's planners send. */
export class SqsDeliveryJobQueue extends SqsSenderQueues implements DeliveryJobQueue {
  readonly #shards: string;

  constructor(sqs: SQSClient, urls: DeliveryQueueUrls) {
    super(sqs, urls.senders);
    this.#shards = urls.shards;
  }

  enqueueShards(jobs: readonly ShardJob[]): Promise<void> {
    return sendMessageBatches(this.sqs, this.#shards, jobs);
  }
}
