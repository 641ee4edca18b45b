/**
 * How the table's stream feeds the change-detection processor, in one place: the CDK stack's
 * event source mapping and the local stream poller both read it, so locally the processor sees
 * the batches, filters and retries it would see in AWS.
 */
export const changeDetectionStream = {
  /** Records per invocation. Small enough that a retried batch redoes little. */
  batchSize: 100,
  /** Seconds Lambda may wait to fill a batch; 0 keeps alerts prompt, as the latency target asks. */
  maxBatchingWindowSeconds: 0,
  /** Retries of a failing batch (halved each time by bisecting) before records go to the failure destination. */
  retryAttempts: 5,
  /** Records older than this go to the failure destination instead of being retried. */
  maxRecordAgeSeconds: 6 * 60 * 60,
  bisectBatchOnError: true,
  reportBatchItemFailures: true,
  /**
   * Lambda event filtering (the same JSON pattern syntax as EventBridge): only inserted or changed
   * reports and latest figures reach the processor; history items, catalogue edits, alert events
   * and TTL deletions never cost an invocation.
   */
  filterPatterns: [
    { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { itemType: { S: ['report', 'figure-latest'] } } } },
  ],
} as const;

/** The change-detection processor's handler module. */
export const changeDetectionEntry = 'lambdas/handlers/stream/detect-changes.ts';
