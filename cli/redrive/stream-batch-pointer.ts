import type { _Record, GetShardIteratorCommandInput } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { parseJsonAs } from '../../lambdas/core/validation/parse-json.ts';
import { type FilterPattern, matchesFilterPatterns } from '../../local/event-filter.ts';
import { toLambdaRecord } from '../../local/stream-record.ts';

/**
 * What a stream consumer's on-failure queue holds in AWS for a batch Lambda gave up on: not the
 * records, only where they are in the stream (Lambda's invocation record, `DDBStreamBatchInfo`).
 */
export interface StreamBatchPointer {
  /** The function that gave up: the one to invoke again. */
  readonly functionArn: string;
  readonly condition: string;
  readonly streamArn: string;
  readonly shardId: string;
  readonly startSequenceNumber: string;
  readonly endSequenceNumber: string;
  /** Records in the batch, after the event source mapping's filters. */
  readonly batchSize: number;
  /** When the first record reached the stream: the stream keeps records 24 hours. */
  readonly approximateArrivalOfFirstRecord: string;
}

const sequenceNumber = z.string().check(z.regex(/^\d+$/));
const invocationRecordSchema = z.object({
  requestContext: z.object({ functionArn: z.string(), condition: z.string() }),
  DDBStreamBatchInfo: z.object({
    shardId: z.string(),
    startSequenceNumber: sequenceNumber,
    endSequenceNumber: sequenceNumber,
    approximateArrivalOfFirstRecord: z.string(),
    batchSize: z.number(),
    streamArn: z.string(),
  }),
});

/** An on-failure message's body as the pointer it is, or undefined for anything else. */
export const parseStreamBatchPointer = (body: string): StreamBatchPointer | undefined => {
  const parsed = parseJsonAs(invocationRecordSchema, body);
  if (parsed === undefined) return undefined;
  const { requestContext, DDBStreamBatchInfo: batch } = parsed;
  return { functionArn: requestContext.functionArn, condition: requestContext.condition, ...batch };
};

/** Where reading the batch back starts: at its first record. */
export const batchShardIterator = (pointer: StreamBatchPointer): GetShardIteratorCommandInput => ({
  StreamArn: pointer.streamArn,
  ShardId: pointer.shardId,
  ShardIteratorType: 'AT_SEQUENCE_NUMBER',
  SequenceNumber: pointer.startSequenceNumber,
});

/** Sequence numbers are decimal strings of differing lengths: compared as numbers, not as text. */
const position = (record: _Record): bigint | undefined => {
  const number = record.dynamodb?.SequenceNumber;
  return number === undefined ? undefined : BigInt(number);
};

/** Whether a page read from the batch's start has reached past its last record: reading can stop. */
export const readPastBatch = (pointer: StreamBatchPointer, page: readonly _Record[]): boolean =>
  page.some((record) => (position(record) ?? 0n) > BigInt(pointer.endSequenceNumber));

/**
 * The event to invoke the function with again: the records read from the stream that lie in the
 * batch's range and pass the consumer's filters, as its event source mapping delivered them.
 * Throws when they are not as many as the batch held (the stream trimmed some, or the filters
 * are not the consumer's), rather than replay part of a batch as if it were whole.
 */
export const batchEvent = (
  pointer: StreamBatchPointer,
  read: readonly _Record[],
  filterPatterns: readonly FilterPattern[],
): DynamoDBStreamEvent => {
  const first = BigInt(pointer.startSequenceNumber);
  const last = BigInt(pointer.endSequenceNumber);
  const Records = read
    .filter((record) => {
      const at = position(record);
      return at !== undefined && at >= first && at <= last;
    })
    .map((record) => toLambdaRecord(record, pointer.streamArn))
    .filter((record) => matchesFilterPatterns(record, filterPatterns));
  if (Records.length !== pointer.batchSize)
    throw new Error(
      `the stream holds ${Records.length} of the batch's ${pointer.batchSize} records from ${pointer.startSequenceNumber} to ${pointer.endSequenceNumber}`,
    );
  return { Records };
};
