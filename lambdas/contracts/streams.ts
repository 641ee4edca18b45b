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

/**
 * How stored alert events feed the dispatcher: the event store is the delivery queue. Only
 * inserted alert events pass the filter. The batching window is the grouping window: events
 * stored within a minute of each other (a whole deadline-check run, or a report with its
 * figures) reach one invocation, so a contact gets one message for them.
 */
export const alertDispatchStream = {
  /** A checker run stores up to one event per state and obligation; 1,000 keeps a run in one batch. */
  batchSize: 1000,
  maxBatchingWindowSeconds: 60,
  retryAttempts: 5,
  maxRecordAgeSeconds: 6 * 60 * 60,
  bisectBatchOnError: true,
  reportBatchItemFailures: true,
  filterPatterns: [insertedAlertEvents],
  /**
   * A batch (up to 1,000 events) fans out into SNS calls, each retried by the SDK. For stream
   * sources no Lambda rule ties the timeout to the batching window (the visibility-timeout rule is
   * SQS's), so this only bounds one run. A run that outlasts it fails as a whole and is bisected.
   */
  timeoutSeconds: 5 * 60,
} as const;

/** The dispatcher's handler module. */
export const alertDispatchEntry = 'lambdas/handlers/stream/dispatch-alerts.ts';

/**
 * How stored alert events feed the AlertEvents SNS topic (the machine feed): every inserted alert
 * event, published as soon as it is stored. No batching window, since nothing is grouped: each
 * event is one message, and 100 records are ten PublishBatch calls.
 */
export const alertEventPublishStream = {
  batchSize: 100,
  maxBatchingWindowSeconds: 0,
  retryAttempts: 5,
  maxRecordAgeSeconds: 6 * 60 * 60,
  bisectBatchOnError: true,
  reportBatchItemFailures: true,
  filterPatterns: [insertedAlertEvents],
  /** Ten PublishBatch calls, each retried by the SDK when throttled. */
  timeoutSeconds: 60,
} as const;

/** The AlertEvents publisher's handler module. */
export const alertEventPublishEntry = 'lambdas/handlers/stream/publish-alert-events.ts';
