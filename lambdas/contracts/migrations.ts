import type { QueueConsumerSettings } from './queue-consumer.ts';

/**
 * The migrations function and its continuation queue: a run that is out of time sends the deploy's
 * CloudFormation event to the queue, and the same function, invoked from it, resumes the
 * migrations and answers CloudFormation. One at a time; a run takes up to Lambda's 15 minutes.
 */
export const migrationsContinuation: QueueConsumerSettings = {
  batchSize: 1,
  maxBatchingWindowSeconds: 0,
  // The least a mapping may have; the function hands on one event at a time anyway.
  maximumConcurrency: 2,
  timeoutSeconds: 900,
  // The least Lambda accepts: a crashed run is retried after it, while CloudFormation still waits.
  visibilityTimeoutSeconds: 900,
  maxReceiveCount: 3,
  reportBatchItemFailures: true,
};
