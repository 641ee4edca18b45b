import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent, DynamoDBStreamHandler } from 'aws-lambda';
import { logger as processLogger } from '../lambdas/adapters/logger.ts';
import { type DeliverySettings, deliverBatch, type StreamDeliveryFailure } from './batch-delivery.ts';
import { type FilterPattern, matchesFilterPatterns } from './event-filter.ts';
import { localLambdaContext } from './lambda-context.ts';
import { localClientConfig } from './local-credentials.ts';
import { openStreamCheckpoints, type StreamCheckpoints } from './stream-checkpoints.ts';
import { toLambdaRecord } from './stream-record.ts';

export type { StreamDeliveryFailure } from './batch-delivery.ts';

/** The event source mapping settings the poller honours; `changeDetectionStream` is one. */
export interface StreamPollerSettings extends DeliverySettings {
  readonly batchSize: number;
  /** How long a batch may wait for more records once the first arrives (Lambda's MaximumBatchingWindowInSeconds). */
  readonly maxBatchingWindowSeconds?: number;
  readonly filterPatterns: readonly FilterPattern[];
  /** The function's timeout: each invocation's context counts down from it, as Lambda's does (middy aborts the handler as it runs out). */
  readonly timeoutSeconds: number;
}

export interface StreamPollerOptions {
  readonly endpoint: string;
  readonly tableName: string;
  /** Typed by aws-lambda's handler result: a batch response or nothing. */
  readonly handler: (event: DynamoDBStreamEvent, context: Context) => ReturnType<DynamoDBStreamHandler>;
  readonly settings: StreamPollerSettings;
  /** Pause between polls of a shard that had nothing new, and between retries; Lambda polls about 4 times a second. */
  readonly pollIntervalMs?: number;
  /** JSON file of the last sequence number done with per shard, so a restart resumes instead of re-reading. */
  readonly checkpointFile?: string;
  /** Where to start in shards that exist at start and have no checkpoint. */
  readonly startingPosition?: 'TRIM_HORIZON' | 'LATEST';
  /** Overrides the settings' batching window, e.g. to keep tests quick; the settings' value when absent. */
  readonly batchingWindowMs?: number;
  /** The on-failure destination. */
  readonly onFailure: (failure: StreamDeliveryFailure) => Promise<void> | void;
  readonly functionName?: string;
  readonly logger?: Pick<typeof processLogger, 'warn' | 'error'>;
}

export interface StreamPoller {
  /** Finishes the batch in flight (retries are abandoned, unchecked) and stops polling. */
  stop(): Promise<void>;
  /**
   * Resolves once every record that was in the stream when it was called has been handled. With
   * `closeWindow`, a batching window open meanwhile closes at once: the caller knows that every
   * record of the batch has been written (a replay's day is done), so there is nothing to wait for.
   */
  idle(options?: { readonly closeWindow?: boolean }): Promise<void>;
}

/** GetRecords' own maximum; batches are cut from what one read returns. */
const MAX_RECORDS_PER_READ = 1000;

/** Parents first, so a shard is never read before the one it split from (DynamoDB's ordering rule). */
const inLineageOrder = (shards: readonly Shard[]): Shard[] => {
  const byId = new Map(shards.map((shard) => [shard.ShardId, shard]));
  const ordered = new Set<Shard>();
  const visit = (shard: Shard) => {
    if (ordered.has(shard)) return;
    const parent = byId.get(shard.ParentShardId);
    if (parent) visit(parent);
    ordered.add(shard);
  };
  shards.forEach(visit);
  return [...ordered];
};

/**
 * Lambda's DynamoDB Streams event source mapping, locally: polls the table's stream shard by shard
 * (parents before children), drops records the filter patterns reject, and invokes `handler` with
 * batches of at most `batchSize` records with Lambda's retry, bisect, partial-failure and
 * on-failure rules (see batch-delivery.ts). One batch is in flight at a time.
 */
export const startStreamPoller = async (options: StreamPollerOptions): Promise<StreamPoller> => {
  const { settings } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const log = options.logger ?? processLogger;
  const functionName = options.functionName ?? 'stream-processor';
  const batchingWindowMs = options.batchingWindowMs ?? (settings.maxBatchingWindowSeconds ?? 0) * 1000;

  const tables = new DynamoDBClient({ endpoint: options.endpoint, ...localClientConfig });
  const { Table } = await tables
    .send(new DescribeTableCommand({ TableName: options.tableName }))
    .finally(() => tables.destroy());
  const streamArn = Table?.LatestStreamArn;
  if (streamArn === undefined) throw new Error(`Table ${options.tableName} has no stream`);
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, ...localClientConfig });
  const checkpoints: StreamCheckpoints = await openStreamCheckpoints(streamArn, options.checkpointFile);

  const describeShards = async (): Promise<Shard[]> => {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId !== undefined);
    return shards;
  };

  const shardIterator = async (
    shardId: string,
    type: 'TRIM_HORIZON' | 'LATEST' | 'AFTER_SEQUENCE_NUMBER',
    sequenceNumber?: string,
  ) => {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: type,
        SequenceNumber: sequenceNumber,
      }),
    );
    if (ShardIterator === undefined) throw new Error(`No iterator for shard ${shardId}`);
    return ShardIterator;
  };

  /** Shards read to their end; their children may be read. */
  const finished = new Set<string>();
  /** Where reading continues in each shard being read. */
  const iterators = new Map<string, string>();

  // LATEST applies to the shards there are now, as with Lambda: closed ones are skipped, open ones
  // are read from here on. Shards that appear later are read from their start.
  if (options.startingPosition === 'LATEST') {
    for (const { ShardId, SequenceNumberRange } of await describeShards()) {
      if (ShardId === undefined || checkpoints.get(ShardId) !== undefined) continue;
      if (SequenceNumberRange?.EndingSequenceNumber !== undefined) finished.add(ShardId);
      else iterators.set(ShardId, await shardIterator(ShardId, 'LATEST'));
    }
  }

  let stopping = false;
  let interruptSleep: (() => void) | undefined;
  // A wake-up while nothing sleeps (idle() called during a poll) cuts the next sleep short instead.
  let wokenEarly = false;
  const sleep = () =>
    new Promise<void>((resolve) => {
      if (wokenEarly || stopping) {
        wokenEarly = false;
        return resolve();
      }
      const timer = setTimeout(() => {
        interruptSleep = undefined;
        resolve();
      }, pollIntervalMs);
      interruptSleep = () => {
        clearTimeout(timer);
        interruptSleep = undefined;
        resolve();
      };
    });
  const wake = () => {
    if (interruptSleep) interruptSleep();
    else wokenEarly = true;
  };

  const checkpoint = async (shardId: string, record: DynamoDBRecord) => {
    const sequenceNumber = record.dynamodb?.SequenceNumber;
    if (sequenceNumber !== undefined) await checkpoints.set(shardId, sequenceNumber);
  };

  const deliver = (shardId: string, batch: DynamoDBRecord[]) =>
    deliverBatch(
      {
        shardId,
        settings,
        // Lambda deserialises a fresh event for every invocation; a handler mutating records must not change the retry.
        invoke: async (records) =>
          options.handler(
            { Records: structuredClone(records) },
            localLambdaContext(functionName, settings.timeoutSeconds * 1000),
          ),
        onFailure: options.onFailure,
        checkpoint: (record) => checkpoint(shardId, record),
        pause: sleep,
        stopping: () => stopping,
        now: () => Date.now(),
        reportError: (message, error) => log.error(message, { shardId, error }),
      },
      batch,
    );

  /**
   * Filters a page of records and delivers the survivors in batches. Records the filter drops are
   * checkpointed past like processed ones, without an invocation.
   */
  const processPage = async (shardId: string, page: DynamoDBRecord[]): Promise<'done' | 'stopped'> => {
    let batch: DynamoDBRecord[] = [];
    for (const [index, record] of page.entries()) {
      const matches = matchesFilterPatterns(record, settings.filterPatterns);
      if (matches) batch.push(record);
      const pageEnds = index === page.length - 1;
      if (batch.length === settings.batchSize || (pageEnds && batch.length > 0)) {
        if ((await deliver(shardId, batch)) === 'stopped') return 'stopped';
        batch = [];
      }
      if (pageEnds && !matches) await checkpoint(shardId, record);
    }
    return 'done';
  };

  /**
   * Reads a shard until it has nothing new; returns whether it turned out closed and read to its
   * end. As Lambda's batching window: once a record passes the filter, reading goes on until the
   * window closes or a batch is full, so records written close together reach one invocation.
   */
  const drainShard = async (shardId: string): Promise<boolean> => {
    let iterator = iterators.get(shardId);
    if (iterator === undefined) {
      const after = checkpoints.get(shardId);
      iterator =
        after === undefined
          ? await shardIterator(shardId, 'TRIM_HORIZON')
          : await shardIterator(shardId, 'AFTER_SEQUENCE_NUMBER', after);
    }
    let pending: DynamoDBRecord[] = [];
    let matching = 0;
    let windowEnds: number | undefined;
    for (;;) {
      const { Records = [], NextShardIterator }: GetRecordsCommandOutput = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: MAX_RECORDS_PER_READ }),
      );
      const records = Records.map((record) => toLambdaRecord(record, streamArn));
      pending.push(...records);
      const matched = records.filter((record) => matchesFilterPatterns(record, settings.filterPatterns)).length;
      matching += matched;
      if (matched > 0 && windowEnds === undefined) windowEnds = Date.now() + batchingWindowMs;
      const closed = NextShardIterator === undefined;
      const windowOpen =
        windowEnds !== undefined &&
        Date.now() < windowEnds &&
        matching < settings.batchSize &&
        !closed &&
        !stopping &&
        !waiting.some((waiter) => waiter.closeWindow);
      if (windowOpen && Records.length === 0) {
        await new Promise((done) => setTimeout(done, Math.min(pollIntervalMs, (windowEnds ?? 0) - Date.now())));
      } else if (!windowOpen) {
        if ((await processPage(shardId, pending)) === 'stopped') return false;
        pending = [];
        matching = 0;
        windowEnds = undefined;
      }
      if (NextShardIterator === undefined) {
        iterators.delete(shardId);
        finished.add(shardId);
        return true;
      }
      iterator = NextShardIterator;
      iterators.set(shardId, iterator);
      if (Records.length === 0 && windowEnds === undefined) return false;
    }
  };

  /** One pass over every readable shard; a shard finished on the way may have children, so the stream is described again. */
  const pollOnce = async () => {
    for (let anotherPass = true; anotherPass && !stopping; ) {
      anotherPass = false;
      const shards = await describeShards();
      const described = new Set(shards.map((shard) => shard.ShardId));
      for (const { ShardId, ParentShardId } of inLineageOrder(shards)) {
        if (stopping) return;
        if (ShardId === undefined || finished.has(ShardId)) continue;
        // A parent no longer described has been trimmed away; its children are free to go.
        if (ParentShardId !== undefined && described.has(ParentShardId) && !finished.has(ParentShardId)) continue;
        try {
          if (await drainShard(ShardId)) anotherPass = true;
        } catch (error) {
          // Read again from the checkpoint next time (an expired or trimmed iterator, DynamoDB Local restarting).
          iterators.delete(ShardId);
          throw error;
        }
      }
    }
  };

  let pollsStarted = 0;
  let waiting: {
    readonly after: number;
    readonly closeWindow: boolean;
    resolve(): void;
    reject(error: Error): void;
  }[] = [];
  const loop = (async () => {
    while (!stopping) {
      const poll = ++pollsStarted;
      try {
        await pollOnce();
        if (!stopping) {
          waiting.filter((waiter) => poll > waiter.after).forEach((waiter) => waiter.resolve());
          waiting = waiting.filter((waiter) => poll <= waiter.after);
        }
      } catch (error) {
        log.warn('Stream poll failed; retrying', { streamArn, error });
      }
      if (!stopping) await sleep();
    }
    waiting.forEach((waiter) => waiter.reject(new Error('Stream poller stopped')));
  })();

  return {
    idle: ({ closeWindow = false } = {}) =>
      new Promise<void>((resolve, reject) => {
        if (stopping) return reject(new Error('Stream poller stopped'));
        // Only a poll that starts after this call is sure to see every record written before it.
        waiting.push({ after: pollsStarted, closeWindow, resolve, reject });
        wake();
      }),
    stop: async () => {
      stopping = true;
      wake();
      await loop;
      streams.destroy();
    },
  };
};
