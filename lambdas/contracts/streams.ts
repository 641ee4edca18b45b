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
   * reports, latest figures and source documents (a proposal found) reach the processor; history items, catalogue edits, alert events
   * and TTL deletions never cost an invocation.
   */
  filterPatterns: [
    {
      eventName: ['INSERT', 'MODIFY'],
      dynamodb: { NewImage: { itemType: { S: ['report', 'figure-latest', 'source-document'] } } },
    },
  ],
  /** The function's timeout, in AWS and for each local invocation alike. */
  timeoutSeconds: 60,
} as const;

/** The change-detection processor's handler module. */
export const changeDetectionEntry = 'lambdas/handlers/stream/detect-changes.ts';

/** Lambda event filter: stored alert events as they are inserted (each is written once; nothing else reaches the consumer). */
const insertedAlertEvents = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { itemType: { S: ['alert-event'] } } },
} as const;

/** Every inserted alert event as soon as it is stored, 100 to a batch: what both alert-event consumers read. */
const everyAlertEvent = {
  batchSize: 100,
  maxBatchingWindowSeconds: 0,
  retryAttempts: 5,
  maxRecordAgeSeconds: 6 * 60 * 60,
  bisectBatchOnError: true,
  reportBatchItemFailures: true,
  filterPatterns: [insertedAlertEvents],
} as const;

/**
 * How stored alert events feed the delivery pipeline's announcer. Nothing is gathered here: the
 * wave queue's delay is the grouping window, and a wave announced by several batches (or stream
 * shards) is still planned once.
 */
export const waveAnnouncerStream = {
  ...everyAlertEvent,
  /** One SendMessageBatch per ten waves; a batch rarely holds more than one. */
  timeoutSeconds: 30,
} as const;

/**
 * How stored alert events feed the AlertEvents SNS topic (the machine feed): every inserted alert
 * event, published as soon as it is stored. No batching window, since nothing is grouped: each
 * event is one message, and 100 records are ten PublishBatch calls.
 */
export const alertEventPublishStream = {
  ...everyAlertEvent,
  /** Ten PublishBatch calls, each retried by the SDK when throttled. */
  timeoutSeconds: 60,
} as const;

/** The AlertEvents publisher's handler module. */
export const alertEventPublishEntry = 'lambdas/handlers/stream/publish-alert-events.ts';

/** The table-stream consumers, by the name `sanctions-watch redrive` and the stack outputs use. */
export type StreamConsumerName = 'detectChanges' | 'announceWaves' | 'publishAlertEvents';

/**
 * Each stream consumer's stack outputs, by id: its on-failure queue and its function, which
 * `sanctions-watch redrive --queue streams` reads from and invokes again; with its filters, which
 * the replay applies to the records it reads back, as the event source mapping did.
 */
export const streamConsumerOutputs: Readonly<
  Record<
    StreamConsumerName,
    { readonly failures: string; readonly functionName: string; readonly filterPatterns: readonly unknown[] }
  >
> = {
  detectChanges: {
    failures: 'ChangeDetectionFailuresQueueUrl',
    functionName: 'ChangeDetectionFunctionName',
    filterPatterns: changeDetectionStream.filterPatterns,
  },
  announceWaves: {
    failures: 'WaveAnnouncerFailuresQueueUrl',
    functionName: 'WaveAnnouncerFunctionName',
    filterPatterns: waveAnnouncerStream.filterPatterns,
  },
  publishAlertEvents: {
    failures: 'AlertEventPublisherFailuresQueueUrl',
    functionName: 'AlertEventPublisherFunctionName',
    filterPatterns: alertEventPublishStream.filterPatterns,
  },
};
