import type { QueueConsumerSettings } from './queue-consumer.ts';

/**
 * The delivery pipeline's queues and how their functions consume them, in one place: the CDK
 * stack's queues and event source mappings and the local queue pollers both read it, so locally
 * the functions see the batches, delays, retries and concurrency they would see in AWS.
 *
 * announcer (table stream) → waves → planner → shards → shard workers → email / sms → senders
 *
 * Visibility timeouts are six times the consumer's timeout (AWS's advice for SQS event sources):
 * a job handed back (throttled, or its claim held) waits that long before it is tried again.
 */

/** The grouping window: a wave is planned this long after its first event is announced. */
const WAVE_DELAY_SECONDS = 60;

export const deliveryQueues = {
  /** Wave ids, each announced once per stream batch that holds one of its events. */
  waves: {
    delaySeconds: WAVE_DELAY_SECONDS,
    batchSize: 1,
    maxBatchingWindowSeconds: 0,
    maximumConcurrency: 2,
    timeoutSeconds: 60,
    visibilityTimeoutSeconds: 6 * 60,
    maxReceiveCount: 5,
    reportBatchItemFailures: true,
  },
  /** One job per contact shard of a large wave part. */
  shards: {
    delaySeconds: 0,
    batchSize: 1,
    maxBatchingWindowSeconds: 0,
    maximumConcurrency: 16,
    timeoutSeconds: 60,
    visibilityTimeoutSeconds: 6 * 60,
    maxReceiveCount: 5,
    reportBatchItemFailures: true,
  },
  /** One job per contact and wave part, per channel. Concurrency is what holds the channel's rate. */
  email: {
    delaySeconds: 0,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    maximumConcurrency: 10,
    timeoutSeconds: 30,
    visibilityTimeoutSeconds: 6 * 30,
    maxReceiveCount: 10,
    reportBatchItemFailures: true,
  },
  sms: {
    delaySeconds: 0,
    batchSize: 10,
    maxBatchingWindowSeconds: 1,
    maximumConcurrency: 2,
    timeoutSeconds: 30,
    visibilityTimeoutSeconds: 6 * 30,
    maxReceiveCount: 10,
    reportBatchItemFailures: true,
  },
} as const satisfies Record<string, QueueConsumerSettings>;

export type DeliveryQueueName = keyof typeof deliveryQueues;

/**
 * The stack's outputs (CfnOutput ids) holding each delivery queue's URL and its dead-letter
 * queue's, and the delivery-failures queue's: what `sanctions-watch redrive` reads from
 * `cdk deploy --outputs-file` to find them.
 */
export const deliveryQueueOutputs = {
  waves: { queue: 'WaveQueueUrl', deadLetters: 'WaveDeadLetterQueueUrl' },
  shards: { queue: 'ShardQueueUrl', deadLetters: 'ShardDeadLetterQueueUrl' },
  email: { queue: 'EmailQueueUrl', deadLetters: 'EmailDeadLetterQueueUrl' },
  sms: { queue: 'SmsQueueUrl', deadLetters: 'SmsDeadLetterQueueUrl' },
} as const satisfies Record<DeliveryQueueName, { readonly queue: string; readonly deadLetters: string }>;
export const DELIVERY_FAILURES_OUTPUT = 'DeliveryFailuresQueueUrl';

/**
 * A sender starts no job with less than this left of its invocation: jobs not started go back to
 * the queue as batch-item failures, well before the timeout could cut one off mid-send.
 */
export const SENDER_RESERVE_MILLIS = 10_000;

/**
 * How long a job the provider throttled waits before it comes again: a delay drawn at random from
 * nothing up to `baseSeconds` doubled per receive (2, 4, 8, ... s), never more than `maxSeconds`
 * ("full jitter"). Why: the visibility timeout (180 s) is far longer than a throttle lasts, and ten
 * senders handing back at the same instant would all come back at the same instant; spreading the
 * retries over a window that grows with each throttle lets the channel's rate recover. The cap is
 * a third of the senders' visibility timeout, and ten receives (maxReceiveCount) spread at most
 * 2 + 4 + ... + 32 + 5 × 60 = 362 s before a job that is throttled every time reaches its DLQ.
 */
export const THROTTLE_BACKOFF = { baseSeconds: 2, maxSeconds: 60 } as const;

/** Up to this many candidate watches a wave part is planned in the planner; more go to the shard workers. */
export const DIRECT_PLAN_LIMIT = 2_000;

/** The handler modules of the pipeline's functions. */
export const deliveryEntries = {
  announcer: 'lambdas/handlers/stream/announce-waves.ts',
  planner: 'lambdas/handlers/queue/plan-waves.ts',
  shardWorker: 'lambdas/handlers/queue/plan-shards.ts',
  emailSender: 'lambdas/handlers/queue/send-email-jobs.ts',
  smsSender: 'lambdas/handlers/queue/send-sms-jobs.ts',
} as const;
