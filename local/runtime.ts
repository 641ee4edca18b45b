import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dailyCapsFromEnv } from '../lambdas/adapters/delivery-settings.ts';
import { ensureTable } from '../lambdas/adapters/dynamodb/create-table.ts';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/document-client.ts';
import type { RequestCounter } from '../lambdas/adapters/dynamodb/request-counter.ts';
import { tableStores } from '../lambdas/adapters/dynamodb/table-stores.ts';
import { sourceCheckSettings, sourceFeedReaders } from '../lambdas/adapters/sources/source-settings.ts';
import { sqsCalls } from '../lambdas/adapters/sqs/sqs-calls.ts';
import { SqsFailureSink } from '../lambdas/adapters/sqs/sqs-failure-sink.ts';
import { routes } from '../lambdas/contracts/routes.ts';
import type { DailyCaps } from '../lambdas/core/ports/stores.ts';
import { type SeedOutcome, seedReferenceData } from '../lambdas/core/reference/seed-reference-data.ts';
import type { SourceFeed } from '../lambdas/core/sources/stored-proposal.ts';
import type { ScheduledDeliveryOutcome } from '../lambdas/handlers/scheduled-delivery.ts';
import type { SourceCheckSummary } from '../lambdas/handlers/scheduled-source-check.ts';
import { type RunningDynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.ts';
import {
  httpHandlers,
  queueHandlers,
  scheduledHandlers,
  sourceCheckHandler,
  streamHandlers,
} from './handler-registry.ts';
import { startLocalApi } from './http-server.ts';
import { localLambdaContext } from './lambda-context.ts';
import { localDependencies } from './local-dependencies.ts';
import { localIdentityDirectory, openLocalIdentity } from './local-identity.ts';
import { scheduledEvent, startLocalSchedule } from './local-schedule.ts';
import { defaultMetricsFile } from './metrics-file.ts';
import {
  type DeliveryQueueOverrides,
  deliveryQueueDefinitions,
  deliveryQueueNames,
  deliveryQueueSettings,
} from './queues/delivery-queue-definitions.ts';
import { heldWaveAnnouncer } from './queues/held-wave-announcer.ts';
import { DELIVERY_FAILURES_QUEUE, localQueueAddresses, type QueueAddresses } from './queues/queue-addresses.ts';
import { startLocalQueues } from './queues/queue-consumers.ts';
import { type FeedFault, startSourceFeedServer } from './source-feed-server.ts';
import { startStreamConsumer } from './stream-consumer.ts';
import { type StreamConsumerKey, streamConsumers } from './stream-consumers.ts';

export interface LocalRuntimeOptions {
  readonly projectRoot: string;
  readonly port: number;
  /** Where DynamoDB Local keeps its data; in memory when absent. */
  readonly dataDirectory?: string;
  /**
   * Runs DynamoDB Local in a process group of its own, out of reach of the terminal's Ctrl-C, for
   * a runtime that stops it itself on SIGINT (`npm start`): the stream pollers stop first and never
   * poll a database that is already gone.
   */
  readonly dynamoDbOwnProcessGroup?: boolean;
  /**
   * A DynamoDB Local that is already running, used instead of starting one and left running at
   * stop: the tests' shared one, in which each runtime has a table of its own (`tableName`).
   */
  readonly dynamoDbEndpoint?: string;
  readonly tableName?: string;
  /** Where the token signing key is kept; `.local/identity` when absent, as `npm run token` expects. */
  readonly identityDirectory?: string;
  /** How often the deadline check runs (it also runs at start); off when absent. */
  readonly checkEveryMs?: number;
  /** Where the stream poller keeps its place, so a restart resumes; from the start of the stream when absent. */
  readonly streamCheckpointFile?: string;
  /** The stream's on-failure destination: failed records are appended here as JSON lines. */
  readonly streamFailureFile?: string;
  /** Told about every scheduled check. */
  readonly onCheck?: (outcome: {
    readonly at: Date;
    readonly result?: { readonly emitted: number };
    readonly error?: unknown;
  }) => void;
  /** Told about every scheduled source job run. */
  readonly onSourceCheck?: (outcome: {
    readonly at: Date;
    readonly result?: SourceCheckSummary;
    readonly error?: unknown;
  }) => void;
  /** Where messages go instead of SNS (JSON lines); a temporary file when absent. */
  readonly outboxFile?: string;
  /** Where alert events are published instead of the AlertEvents topic (JSON lines); `alert-events.jsonl` in the outbox's directory when absent. */
  readonly alertEventsFile?: string;
  /** Where the functions' embedded metric format lines go (JSON lines); `metrics.jsonl` in the outbox's directory when absent. */
  readonly metricsFile?: string;
  /** The grouping window (the wave queue's delay, whole seconds); the stack's (60 s) when absent. Tests shorten it. */
  readonly groupingWindowMs?: number;
  /**
   * Waves wait for `streamIdle({ closeWindow: true })` instead of the grouping window: for a
   * replay, which knows when each day's writes are done.
   */
  readonly holdWavesUntilIdle?: boolean;
  /** How long a delivery job handed back, or held by a process that died, waits to come again; AWS's when absent. */
  readonly deliveryRetrySeconds?: number;
  /** Where the local SQS keeps its queues and messages, so a restart or a crash loses none; in memory when absent. */
  readonly queueDataDirectory?: string;
  /** Messages per contact per day; as in AWS (DAILY_CAP_EMAIL, DAILY_CAP_SMS or the defaults) when absent. */
  readonly dailyCaps?: DailyCaps;
  /** Faults the outbox injects, for the fault tests (see outbox/injected-faults.ts); none when absent. */
  readonly injectedFaults?: string;
  /** What "now" is for the schedules (`npm start -- --clock`); the wall clock when absent. */
  readonly scheduleClock?: () => Date;
  /**
   * The source job's feeds, served locally from recorded files (`npm start -- --sources-from DIR`):
   * the job then runs on the schedule with the others, and `runSourceCheck` runs it at once.
   */
  readonly sourceFeeds?: {
    readonly directory: string;
    readonly autoAccept?: boolean;
    /** How each feed misbehaves, for the tests of a failing feed. */
    readonly faults?: Partial<Record<SourceFeed, FeedFault>>;
  };
  /** Runs once everything but the schedules is up (seeding sample data, say), so the first scheduled run sees its result. */
  readonly prepare?: (runtime: LocalRuntime) => Promise<void>;
}

export interface LocalRuntime {
  readonly apiUrl: string;
  readonly dynamoDbEndpoint: string;
  readonly tableName: string;
  /** The one DynamoDB client the handlers share, as a warm Lambda keeps one, and what it sent. */
  readonly documentClient: DynamoDBDocumentClient;
  readonly requests: RequestCounter;
  readonly seeded: SeedOutcome;
  readonly outboxFile: string;
  /** The machine feed: every alert event as the AlertEvents topic would carry it. */
  readonly alertEventsFile: string;
  /** The functions' metrics, as embedded metric format lines (what CloudWatch Logs would turn into metrics). */
  readonly metricsFile: string;
  /** Where the delivery queues, their dead-letter queues and the delivery-failures queue are (for redrive). */
  readonly queueAddresses: QueueAddresses;
  /**
   * Resolves once change detection, then the announcer and the delivery queues (waves, shards,
   * senders), and the machine feed have handled everything written to the table so far.
   * `closeWindow` closes open batching windows at once (see StreamPoller.idle), and lets held
   * waves go (holdWavesUntilIdle).
   */
  streamIdle(options?: { readonly closeWindow?: boolean }): Promise<void>;
  /** A token the API accepts, as `npm run token` prints. */
  issueToken(user: string, options?: { readonly admin?: boolean }): Promise<string>;
  /** Runs the source job once as of `at`, as EventBridge's schedule would; only with `sourceFeeds`. */
  runSourceCheck(at: Date): Promise<SourceCheckSummary>;
  /** Runs the hourly delivery job once as of `at`, as EventBridge's schedule would: the senders then send what it queued. */
  runScheduledDelivery(at: Date): Promise<ScheduledDeliveryOutcome>;
  stop(): Promise<void>;
}

/**
 * The whole service on this machine: DynamoDB Local, the table as the stack declares it, the
 * reference data, the API's Lambda handlers served over HTTP, the table's stream consumers
 * (change detection, the dispatcher, the machine feed; polled as Lambda's event source mappings
 * would), and the deadline check on a timer.
 */
export const startLocalRuntime = async (options: LocalRuntimeOptions): Promise<LocalRuntime> => {
  const tableName = options.tableName ?? 'sanctions-watch';
  const dynamoDb: RunningDynamoDbLocal =
    options.dynamoDbEndpoint === undefined
      ? await startDynamoDbLocal({
          ...(options.dataDirectory === undefined ? {} : { dataDirectory: options.dataDirectory }),
          ownProcessGroup: options.dynamoDbOwnProcessGroup ?? false,
        })
      : { endpoint: options.dynamoDbEndpoint, stop: async () => undefined };
  try {
    const client = new DynamoDBClient({
      endpoint: dynamoDb.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(client, tableName);
    client.destroy();
    const documentClient = createDocumentClient(dynamoDb.endpoint);
    const seeded = await seedReferenceData(tableStores(documentClient, tableName));
    const identity = await openLocalIdentity(options.identityDirectory ?? localIdentityDirectory(options.projectRoot));
    const outboxFile =
      options.outboxFile ?? join(mkdtempSync(join(tmpdir(), 'sanctions-watch-outbox-')), 'outbox.jsonl');
    const alertEventsFile = options.alertEventsFile ?? join(dirname(outboxFile), 'alert-events.jsonl');
    const metricsFile = options.metricsFile ?? defaultMetricsFile(outboxFile);
    const api = await startLocalApi({ routes, port: options.port, identity });
    const queueOverrides: DeliveryQueueOverrides = {
      ...(options.holdWavesUntilIdle
        ? { waveDelaySeconds: 0 }
        : options.groupingWindowMs === undefined
          ? {}
          : { waveDelaySeconds: Math.ceil(options.groupingWindowMs / 1000) }),
      ...(options.deliveryRetrySeconds === undefined ? {} : { retrySeconds: options.deliveryRetrySeconds }),
    };
    const queues = await startLocalQueues({
      queues: deliveryQueueDefinitions(queueOverrides),
      plainQueues: [DELIVERY_FAILURES_QUEUE],
      ...(options.queueDataDirectory === undefined ? {} : { dataDirectory: options.queueDataDirectory }),
    });
    // The handlers link to the API, so they are built once it listens.
    const built = localDependencies({
      client: documentClient,
      tableName,
      apiUrl: api.url,
      outboxFile,
      // Parked in the local SQS as in AWS, where `sanctions-watch redrive` finds them.
      failures: new SqsFailureSink(sqsCalls(queues.client), queues.queueUrl(DELIVERY_FAILURES_QUEUE)),
      alertEventsFile,
      metricsFile,
      dailyCaps: options.dailyCaps ?? dailyCapsFromEnv(),
      injectedFaults: options.injectedFaults,
      queues,
    });
    const heldWaves = options.holdWavesUntilIdle ? heldWaveAnnouncer(built.announcer) : undefined;
    const deps = heldWaves ? { ...built, announcer: heldWaves } : built;
    api.serve({ handlers: httpHandlers(deps) });
    const streams = streamHandlers(deps);
    const consumer = (key: StreamConsumerKey) => {
      const { functionName, settings, checkpointSuffix } = streamConsumers[key];
      return startStreamConsumer({
        handler: streams[key],
        settings,
        functionName,
        endpoint: dynamoDb.endpoint,
        tableName,
        checkpointFile: options.streamCheckpointFile?.replace(/\.json$/, `${checkpointSuffix}.json`),
        failureFile: options.streamFailureFile,
      });
    };
    const changeDetection = await consumer('changeDetection');
    const announcer = await consumer('waveAnnouncer');
    const pipeline = queueHandlers(deps, (name) => deliveryQueueSettings(name, queueOverrides));
    await queues.consume(
      deliveryQueueNames.map((queue) => ({ queue, handler: pipeline[queue], functionName: `delivery-${queue}` })),
    );
    const alertEventPublishing = await consumer('alertEventPublishing');
    const feedServer = options.sourceFeeds
      ? await startSourceFeedServer({
          directory: options.sourceFeeds.directory,
          ...(options.sourceFeeds.faults ? { faults: options.sourceFeeds.faults } : {}),
        })
      : undefined;
    const sourceCheck =
      feedServer &&
      sourceCheckHandler(deps, {
        feeds: sourceFeedReaders(feedServer.urls, { fetch: feedServer.fetch }),
        settings: sourceCheckSettings(options.sourceFeeds?.autoAccept ?? false),
      });
    const schedules: { stop(): Promise<void> }[] = [];
    const jobs = scheduledHandlers(deps);
    const runtime: LocalRuntime = {
      apiUrl: api.url,
      dynamoDbEndpoint: dynamoDb.endpoint,
      tableName,
      documentClient,
      requests: deps.requests,
      seeded,
      outboxFile,
      alertEventsFile,
      metricsFile,
      queueAddresses: localQueueAddresses(queues),
      streamIdle: async (idleOptions) => {
        await changeDetection.idle(idleOptions);
        await announcer.idle(idleOptions);
        if (idleOptions?.closeWindow) await heldWaves?.release();
        await queues.idle();
        await alertEventPublishing.idle(idleOptions);
      },
      issueToken: (user, tokenOptions) => identity.issue(user, tokenOptions),
      runScheduledDelivery: (at) =>
        jobs.delivery(scheduledEvent(at), localLambdaContext('scheduled-delivery', 300_000)),
      runSourceCheck: async (at) => {
        if (!sourceCheck) throw new Error('The local runtime was started without sourceFeeds');
        return sourceCheck(scheduledEvent(at), localLambdaContext('scheduled-source-check', 60_000));
      },
      stop: async () => {
        for (const schedule of schedules) await schedule.stop();
        await feedServer?.close();
        await api.close();
        await changeDetection.stop();
        await announcer.stop();
        await alertEventPublishing.stop();
        await queues.stop();
        documentClient.destroy();
        await dynamoDb.stop();
      },
    };
    try {
      await options.prepare?.(runtime);
      const { checkEveryMs } = options;
      if (checkEveryMs !== undefined) {
        // EventBridge's two rules: the deadline check, and the delivery job (repeats, digests, subscriptions), on one timer here.
        const timer = { intervalMs: checkEveryMs, now: options.scheduleClock ?? (() => new Date()) };
        schedules.push(
          await startLocalSchedule({
            ...timer,
            handler: jobs.deadlineCheck,
            functionName: 'scheduled-deadline-check',
            onRun: options.onCheck ?? (() => undefined),
          }),
          await startLocalSchedule({
            ...timer,
            handler: jobs.delivery,
            functionName: 'scheduled-delivery',
            onRun: () => undefined,
          }),
        );
        // EventBridge's hourly source job, when there are feeds to read.
        if (sourceCheck) {
          schedules.push(
            await startLocalSchedule({
              ...timer,
              handler: sourceCheck,
              functionName: 'scheduled-source-check',
              onRun: options.onSourceCheck ?? (() => undefined),
            }),
          );
        }
      }
    } catch (error) {
      await runtime.stop();
      throw new StartupError(error);
    }
    return runtime;
  } catch (error) {
    if (error instanceof StartupError) throw error.cause;
    await dynamoDb.stop();
    throw error;
  }
};

/** A failure after the runtime was assembled, which has stopped it already. */
class StartupError extends Error {
  constructor(cause: unknown) {
    super('local runtime failed while starting', { cause });
  }
}
