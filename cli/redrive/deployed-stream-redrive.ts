import {
  type _Record,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { StreamConsumerName } from '../../lambdas/contracts/streams.ts';
import type { FilterPattern } from '../../local/event-filter.ts';
import { count, deleteReceived, forEachReceived, type Received, type Tally } from './move-messages.ts';
import type { RedriveRow } from './redrive.ts';
import {
  batchEvent,
  batchShardIterator,
  parseStreamBatchPointer,
  readPastBatch,
  type StreamBatchPointer,
} from './stream-batch-pointer.ts';

/** A deployed stream consumer, as the stack's outputs name it. */
export interface DeployedStreamConsumer {
  readonly name: StreamConsumerName;
  readonly failuresUrl: string;
  readonly functionName: string;
  readonly filterPatterns: readonly FilterPattern[];
}

export interface StreamReplayClients {
  readonly sqs: SQSClient;
  readonly streams: DynamoDBStreamsClient;
  readonly lambda: LambdaClient;
}

/** Pages read from a shard before giving up on finding the batch's end: a batch is at most a few pages. */
const MAX_PAGES = 50;

/** The batch's records, read back from the stream from its first sequence number past its last. */
const readBatch = async (streams: DynamoDBStreamsClient, pointer: StreamBatchPointer): Promise<_Record[]> => {
  let { ShardIterator: iterator } = await streams.send(new GetShardIteratorCommand(batchShardIterator(pointer)));
  const records: _Record[] = [];
  for (let page = 0; iterator !== undefined && page < MAX_PAGES; page += 1) {
    const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    records.push(...Records);
    if (readPastBatch(pointer, Records) || Records.length === 0) break;
    iterator = NextShardIterator;
  }
  return records;
};

/** Why a replay did not take, or undefined when the function handled every record. */
const invokeAgain = async (
  lambda: LambdaClient,
  functionName: string,
  payload: unknown,
): Promise<string | undefined> => {
  const { FunctionError, Payload } = await lambda.send(
    new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode(JSON.stringify(payload)) }),
  );
  if (FunctionError !== undefined) return 'failed again';
  const answer: unknown = Payload === undefined ? undefined : JSON.parse(new TextDecoder().decode(Payload) || 'null');
  const failures =
    typeof answer === 'object' &&
    answer !== null &&
    'batchItemFailures' in answer &&
    Array.isArray(answer.batchItemFailures)
      ? answer.batchItemFailures.length
      : 0;
  return failures > 0 ? 'failed again' : undefined;
};

/** One on-failure message: its batch read back and handed to the consumer again; what it came to. */
const replayOne = async (
  message: Received,
  consumer: DeployedStreamConsumer,
  clients: StreamReplayClients,
  dryRun: boolean,
): Promise<{ readonly replayed: boolean; readonly outcome: string }> => {
  const pointer = parseStreamBatchPointer(message.Body ?? '');
  if (pointer === undefined) return { replayed: false, outcome: 'kept: not a stream failure' };
  if (dryRun) return { replayed: false, outcome: consumer.functionName };
  let event: ReturnType<typeof batchEvent>;
  try {
    event = batchEvent(pointer, await readBatch(clients.streams, pointer), consumer.filterPatterns);
  } catch {
    // The stream keeps records 24 hours: older batches cannot be read back, and stay for an operator.
    return { replayed: false, outcome: 'kept: its records are no longer in the stream' };
  }
  const refusal = await invokeAgain(clients.lambda, consumer.functionName, event);
  return refusal === undefined
    ? { replayed: true, outcome: consumer.functionName }
    : { replayed: false, outcome: `kept: ${refusal}` };
};

/**
 * In AWS: for each stream consumer's on-failure queue, reads each failed batch back from the
 * stream (the message holds only where it was), invokes the consumer with it as its event source
 * mapping would, and deletes the message once the consumer handled every record. What fails again,
 * or is no longer in the stream, stays; a dry run replays nothing and counts what it would.
 */
export const redriveDeployedStreams = async (
  clients: StreamReplayClients,
  consumers: readonly DeployedStreamConsumer[],
  options: { readonly dryRun: boolean },
): Promise<RedriveRow[]> => {
  const rows: RedriveRow[] = [];
  for (const consumer of consumers) {
    const tally: Tally = new Map();
    await forEachReceived(clients.sqs, consumer.failuresUrl, async (batch) => {
      const replayed: Received[] = [];
      const release: string[] = [];
      for (const message of batch) {
        const result = await replayOne(message, consumer, clients, options.dryRun);
        count(tally, result.outcome);
        if (result.replayed) replayed.push(message);
        else release.push(message.ReceiptHandle);
      }
      await deleteReceived(clients.sqs, consumer.failuresUrl, replayed);
      return release;
    });
    const from = `${consumer.name}-failures`;
    rows.push(
      ...(tally.size === 0
        ? [{ from, to: '(empty)', count: 0 }]
        : [...tally].map(([to, n]) => ({ from, to, count: n }))),
    );
  }
  return rows;
};
