import type { QueueConsumerSettings } from '../../lambdas/contracts/queue-consumer.ts';

/** The settings of an SQS event source mapping that Lambda checks when the mapping is created. */
export type MappingSettings = Pick<
  QueueConsumerSettings,
  'batchSize' | 'maxBatchingWindowSeconds' | 'maximumConcurrency' | 'timeoutSeconds'
>;

/** What Lambda knows of the queue when it creates the mapping. */
export interface MappedQueue {
  readonly fifo: boolean;
  readonly visibilityTimeoutSeconds: number;
}

/**
 * The reasons Lambda would refuse the mapping (CreateEventSourceMapping's validation), so a local
 * setting that could never deploy fails here first; empty when there are none.
 */
export const mappingProblems = (settings: MappingSettings, queue: MappedQueue): string[] => {
  const { batchSize, maxBatchingWindowSeconds: window, maximumConcurrency, timeoutSeconds } = settings;
  const problems: string[] = [];
  if (queue.visibilityTimeoutSeconds < timeoutSeconds) {
    problems.push(
      `Queue visibility timeout: ${queue.visibilityTimeoutSeconds} seconds is less than Function timeout: ${timeoutSeconds} seconds`,
    );
  }
  if (!Number.isInteger(maximumConcurrency) || maximumConcurrency < 2 || maximumConcurrency > 1000) {
    problems.push(`maximumConcurrency must be a whole number from 2 to 1000, not ${maximumConcurrency}`);
  }
  const largestBatch = queue.fifo ? 10 : 10_000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > largestBatch) {
    problems.push(`batchSize must be a whole number from 1 to ${largestBatch} for this queue, not ${batchSize}`);
  }
  if (!Number.isInteger(window) || window < 0 || window > 300) {
    problems.push(`maxBatchingWindowSeconds must be a whole number from 0 to 300, not ${window}`);
  }
  if (queue.fifo && window > 0) problems.push('FIFO queues take no batching window');
  if (batchSize > 10 && window < 1) problems.push('A batchSize above 10 needs a batching window of at least 1 second');
  return problems;
};
