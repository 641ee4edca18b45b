import type { DynamoDBRecord } from 'aws-lambda';
import { readBatchItemFailures } from './batch-item-failures.ts';

/** The event source mapping settings that decide how a batch is retried, split and given up on. */
export interface DeliverySettings {
  readonly retryAttempts: number;
  readonly maxRecordAgeSeconds: number;
  readonly bisectBatchOnError: boolean;
  readonly reportBatchItemFailures: boolean;
}

/** What the on-failure destination learns about records Lambda gave up on. */
export interface StreamDeliveryFailure {
  /** Lambda's `requestContext.condition` for the discarded batch. */
  readonly reason: 'RetryAttemptsExhausted' | 'MaximumRecordAgeExceeded';
  readonly records: DynamoDBRecord[];
  /** Failed invocations counted against the retry quota (bisecting does not count). */
  readonly attempts: number;
  readonly shardId: string;
  /** Why the last invocation failed. */
  readonly error?: unknown;
}

export interface BatchDelivery {
  readonly shardId: string;
  readonly settings: DeliverySettings;
  /** Resolves with the function's response, which is read as Lambda reads it, trusting nothing. */
  invoke(records: DynamoDBRecord[]): Promise<unknown>;
  onFailure(failure: StreamDeliveryFailure): Promise<void> | void;
  /** Everything up to and including `record` is done with. */
  checkpoint(record: DynamoDBRecord): Promise<void>;
  /** Waits between retries, so a function that keeps failing (retryAttempts -1) does not spin. */
  pause(): Promise<void>;
  stopping(): boolean;
  now(): number;
  reportError(message: string, error: unknown): void;
}

interface Pending {
  readonly records: DynamoDBRecord[];
  readonly attempts: number;
}

/** `retryFrom` is the index of the first record to retry: 0 when the whole batch failed. */
type Failure = { readonly retryFrom: number; readonly wholeBatch: boolean; readonly error: unknown };

const lastOf = (records: DynamoDBRecord[]): DynamoDBRecord => {
  const last = records.at(-1);
  if (last === undefined) throw new Error('A batch is never empty');
  return last;
};

/** A reported failure retries the batch from the lowest failed sequence number. */
const failureOf = (records: DynamoDBRecord[], response: unknown): Failure | undefined => {
  const sequenceNumbers = records.map((record) => record.dynamodb?.SequenceNumber ?? '');
  const reported = readBatchItemFailures(response, sequenceNumbers);
  if (reported.kind === 'none') return undefined;
  if (reported.kind === 'whole-batch') return { retryFrom: 0, wholeBatch: true, error: reported.error };
  const retryFrom = Math.min(...reported.identifiers.map((identifier) => sequenceNumbers.indexOf(identifier)));
  return {
    retryFrom,
    wholeBatch: false,
    error: new Error(`Record ${sequenceNumbers[retryFrom]} reported as failed`),
  };
};

const attempt = async (delivery: BatchDelivery, records: DynamoDBRecord[]): Promise<Failure | undefined> => {
  let response: unknown;
  try {
    response = await delivery.invoke(records);
  } catch (error) {
    return { retryFrom: 0, wholeBatch: true, error };
  }
  return delivery.settings.reportBatchItemFailures ? failureOf(records, response) : undefined;
};

/** Records are in stream order, so the ones past the maximum age are the leading ones. */
const expiredCount = (delivery: BatchDelivery, records: DynamoDBRecord[]): number => {
  const { maxRecordAgeSeconds } = delivery.settings;
  if (maxRecordAgeSeconds < 0) return 0;
  const isExpired = (record: DynamoDBRecord) => {
    const created = record.dynamodb?.ApproximateCreationDateTime;
    return created !== undefined && delivery.now() - created * 1000 > maxRecordAgeSeconds * 1000;
  };
  const firstFresh = records.findIndex((record) => !isExpired(record));
  return firstFresh === -1 ? records.length : firstFresh;
};

const discard = async (delivery: BatchDelivery, failure: Omit<StreamDeliveryFailure, 'shardId'>): Promise<void> => {
  try {
    await delivery.onFailure({ ...failure, shardId: delivery.shardId });
  } catch (error) {
    // The destination failing must not block the shard; Lambda moves on too.
    delivery.reportError('On-failure destination rejected discarded stream records', error);
  }
  await delivery.checkpoint(lastOf(failure.records));
};

/**
 * Hands one batch to the function the way Lambda's stream event source mapping does, and returns
 * once every record in it is processed or discarded (or early, unchecked, when stopping):
 * - a reported item failure checkpoints the records before it and retries the rest;
 * - a function error retries the whole batch, halved first when bisectBatchOnError is on
 *   (splitting is free: only failures of a batch that is not split count as retries);
 * - after retryAttempts retries (-1: no limit), or once records are older than
 *   maxRecordAgeSeconds (-1: no limit), they go to onFailure and are checkpointed past.
 */
export const deliverBatch = async (delivery: BatchDelivery, batch: DynamoDBRecord[]): Promise<'done' | 'stopped'> => {
  const { retryAttempts, bisectBatchOnError } = delivery.settings;
  const queue: Pending[] = [{ records: batch, attempts: 0 }];
  for (let current = queue[0]; current !== undefined; current = queue[0]) {
    if (delivery.stopping()) return 'stopped';
    const expired = expiredCount(delivery, current.records);
    if (expired > 0) {
      await discard(delivery, {
        reason: 'MaximumRecordAgeExceeded',
        records: current.records.slice(0, expired),
        attempts: current.attempts,
      });
      queue.shift();
      if (expired < current.records.length)
        queue.unshift({ records: current.records.slice(expired), attempts: current.attempts });
      continue;
    }
    const failure = await attempt(delivery, current.records);
    queue.shift();
    if (failure === undefined) {
      await delivery.checkpoint(lastOf(current.records));
      continue;
    }
    const succeeded = current.records.slice(0, failure.retryFrom);
    if (succeeded.length > 0) await delivery.checkpoint(lastOf(succeeded));
    const remaining = current.records.slice(failure.retryFrom);
    if (failure.wholeBatch && bisectBatchOnError && remaining.length > 1) {
      const half = Math.ceil(remaining.length / 2);
      queue.unshift(
        { records: remaining.slice(0, half), attempts: current.attempts },
        { records: remaining.slice(half), attempts: current.attempts },
      );
      continue;
    }
    const attempts = current.attempts + 1;
    if (retryAttempts >= 0 && attempts > retryAttempts) {
      await discard(delivery, { reason: 'RetryAttemptsExhausted', records: remaining, attempts, error: failure.error });
      continue;
    }
    queue.unshift({ records: remaining, attempts });
    await delivery.pause();
  }
  return 'done';
};
