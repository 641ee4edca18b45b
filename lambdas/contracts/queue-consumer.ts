/**
 * How an SQS queue feeds its function, in one place: the CDK stack (the queue, its dead-letter
 * queue and the Lambda event source mapping) and the local queue runtime (local/queues/) read the
 * same settings, so locally a function sees the batches, retries and concurrency it would in AWS.
 */
export interface QueueConsumerSettings {
  /** Messages per invocation (the mapping's BatchSize): at most 10 for FIFO, and for standard queues unless a batching window is set. */
  readonly batchSize: number;
  /** Seconds the mapping may spend gathering a batch (MaximumBatchingWindowInSeconds); FIFO queues take none, so 0. */
  readonly maxBatchingWindowSeconds: number;
  /** Invocations at once for this queue (ScalingConfig.MaximumConcurrency, 2 to 1,000). */
  readonly maximumConcurrency: number;
  /** The queue's VisibilityTimeout: at least the function's timeout, or Lambda refuses the mapping. */
  readonly visibilityTimeoutSeconds: number;
  /** The function's timeout, in AWS and for each local invocation alike. */
  readonly timeoutSeconds: number;
  /** Receives of one message before SQS moves it to the dead-letter queue (the RedrivePolicy's maxReceiveCount). */
  readonly maxReceiveCount: number;
  /** The queue's DelaySeconds: how long a new message stays hidden; none when absent. */
  readonly delaySeconds?: number;
  /** The function answers with `{ batchItemFailures }`, so only the messages it names are retried. */
  readonly reportBatchItemFailures: true;
}

/** One queue with the function that consumes it. */
export interface QueueDefinition {
  /** The queue's name without the `.fifo` suffix; its dead-letter queue is named after it. */
  readonly name: string;
  /** A FIFO queue (and FIFO dead-letter queue) instead of a standard one. */
  readonly fifo?: boolean;
  readonly settings: QueueConsumerSettings;
}
