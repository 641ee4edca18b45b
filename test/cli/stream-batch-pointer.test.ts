import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { redriveDeployedStreams } from '../../cli/redrive/deployed-stream-redrive.ts';
import {
  batchEvent,
  batchShardIterator,
  parseStreamBatchPointer,
  readPastBatch,
} from '../../cli/redrive/stream-batch-pointer.ts';
import { waveAnnouncerStream } from '../../lambdas/contracts/streams.ts';

/**
 * The AWS half of replaying a stream consumer's failed batch: what its on-failure queue holds
 * (Lambda's invocation record, which points at the records) turned into the read and the event.
 */
const streamArn = 'arn:aws:dynamodb:eu-west-1:111122223333:table/sanctions-watch/stream/2019-03-01T00:00:00.000';
const invocationRecord = {
  requestContext: {
    requestId: 'c0ffee00-0000-4000-8000-000000000001',
    functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:SanctionsWatch-Announcer',
    condition: 'RetryAttemptsExhausted',
    approximateInvokeCount: 6,
  },
  responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
  version: '1.0',
  timestamp: '2019-03-25T10:00:09Z',
  DDBStreamBatchInfo: {
    shardId: 'shardId-00000001553500000000-0a1b2c3d',
    startSequenceNumber: '900000000000000000100',
    endSequenceNumber: '1000000000000000000200',
    approximateArrivalOfFirstRecord: '2019-03-25T10:00:01Z',
    approximateArrivalOfLastRecord: '2019-03-25T10:00:02Z',
    batchSize: 2,
    streamArn,
  },
};
const pointer = parseStreamBatchPointer(JSON.stringify(invocationRecord));

const record = (sequenceNumber: string, itemType: string): _Record => ({
  eventID: `e-${sequenceNumber}`,
  eventName: 'INSERT',
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-west-1',
  dynamodb: {
    SequenceNumber: sequenceNumber,
    Keys: { PK: { S: `EVENT#${sequenceNumber}` }, SK: { S: 'EVENT' } },
    NewImage: { PK: { S: `EVENT#${sequenceNumber}` }, SK: { S: 'EVENT' }, itemType: { S: itemType } },
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

describe('a stream consumer’s on-failure message in AWS', () => {
  it('is read as a pointer to the batch: the function, the stream, the shard and the sequence range', () => {
    expect(pointer).toEqual({
      functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:SanctionsWatch-Announcer',
      condition: 'RetryAttemptsExhausted',
      streamArn,
      shardId: 'shardId-00000001553500000000-0a1b2c3d',
      startSequenceNumber: '900000000000000000100',
      endSequenceNumber: '1000000000000000000200',
      approximateArrivalOfFirstRecord: '2019-03-25T10:00:01Z',
      batchSize: 2,
    });
    expect(parseStreamBatchPointer('not json')).toBeUndefined();
    expect(
      parseStreamBatchPointer(JSON.stringify({ requestContext: invocationRecord.requestContext })),
    ).toBeUndefined();
  });

  it('starts reading at the batch’s first record and stops once a page goes past its last', () => {
    if (pointer === undefined) throw new Error('no pointer');
    expect(batchShardIterator(pointer)).toEqual({
      StreamArn: streamArn,
      ShardId: 'shardId-00000001553500000000-0a1b2c3d',
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: '900000000000000000100',
    });
    // Compared as numbers: the last sequence number is the longer string.
    expect(readPastBatch(pointer, [record('900000000000000000100', 'alert-event')])).toBe(false);
    expect(readPastBatch(pointer, [record('1000000000000000000201', 'alert-event')])).toBe(true);
  });

  it('becomes the event the consumer got: the records in range that pass its filters, as Lambda delivers them', () => {
    if (pointer === undefined) throw new Error('no pointer');
    const read = [
      record('900000000000000000100', 'alert-event'),
      record('900000000000000000150', 'figure-history'),
      record('1000000000000000000200', 'alert-event'),
      record('1000000000000000000300', 'alert-event'),
    ];

    const { Records } = batchEvent(pointer, read, waveAnnouncerStream.filterPatterns);

    expect(Records.map((lambdaRecord) => lambdaRecord.dynamodb?.SequenceNumber)).toEqual([
      '900000000000000000100',
      '1000000000000000000200',
    ]);
    expect(Records[0]).toMatchObject({ eventSourceARN: streamArn, eventName: 'INSERT' });
  });

  it('is not replayed in part: a batch the stream no longer holds whole is refused', () => {
    if (pointer === undefined) throw new Error('no pointer');
    expect(() =>
      batchEvent(pointer, [record('1000000000000000000200', 'alert-event')], waveAnnouncerStream.filterPatterns),
    ).toThrow("the stream holds 1 of the batch's 2 records from 900000000000000000100 to 1000000000000000000200");
  });
});

describe('redrive --queue streams in AWS', () => {
  const sqs = mockClient(SQSClient);
  const streams = mockClient(DynamoDBStreamsClient);
  const lambda = mockClient(LambdaClient);
  const failuresUrl = 'https://sqs.eu-west-1.amazonaws.com/111122223333/announcer-failures';
  const consumer = {
    name: 'announceWaves' as const,
    failuresUrl,
    functionName: 'SanctionsWatch-Announcer',
    filterPatterns: waveAnnouncerStream.filterPatterns,
  };
  const clients = () => ({
    sqs: new SQSClient({}),
    streams: new DynamoDBStreamsClient({}),
    lambda: new LambdaClient({}),
  });
  /** A response payload as the SDK gives it: bytes that can also say themselves as a string. */
  const payload = (value: unknown) =>
    Object.assign(new TextEncoder().encode(JSON.stringify(value)), { transformToString: () => JSON.stringify(value) });

  beforeEach(() => {
    sqs.reset();
    streams.reset();
    lambda.reset();
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [{ MessageId: 'm-1', ReceiptHandle: 'r-1', Body: JSON.stringify(invocationRecord) }] })
      .resolves({ Messages: [] });
    streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'it-1' });
    streams.on(GetRecordsCommand, { ShardIterator: 'it-1' }).resolves({
      Records: [record('900000000000000000100', 'alert-event'), record('1000000000000000000200', 'alert-event')],
      NextShardIterator: 'it-2',
    });
    streams
      .on(GetRecordsCommand, { ShardIterator: 'it-2' })
      .resolves({ Records: [record('1000000000000000000300', 'alert-event')], NextShardIterator: 'it-3' });
  });

  it('reads the batch back from where the pointer says, invokes the consumer with it, and deletes the message', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload({ batchItemFailures: [] }) });

    const rows = await redriveDeployedStreams(clients(), [consumer], { dryRun: false });

    expect(rows).toEqual([{ from: 'announceWaves-failures', to: 'SanctionsWatch-Announcer', count: 1 }]);
    expect(streams.commandCalls(GetShardIteratorCommand)[0]?.args[0].input).toMatchObject({
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: '900000000000000000100',
    });
    const invoked = lambda.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(invoked?.FunctionName).toBe('SanctionsWatch-Announcer');
    const event = JSON.parse(new TextDecoder().decode(invoked?.Payload as Uint8Array)) as {
      Records: { dynamodb: { SequenceNumber: string } }[];
    };
    expect(event.Records.map(({ dynamodb }) => dynamodb.SequenceNumber)).toEqual([
      '900000000000000000100',
      '1000000000000000000200',
    ]);
    expect(sqs.commandCalls(DeleteMessageBatchCommand)[0]?.args[0].input).toEqual({
      QueueUrl: failuresUrl,
      Entries: [{ Id: '0', ReceiptHandle: 'r-1' }],
    });
  });

  it('keeps a batch that fails again, in part or whole, and deletes nothing', async () => {
    lambda
      .on(InvokeCommand)
      .resolves({ StatusCode: 200, Payload: payload({ batchItemFailures: [{ itemIdentifier: 'x' }] }) });

    const rows = await redriveDeployedStreams(clients(), [consumer], { dryRun: false });

    expect(rows).toEqual([{ from: 'announceWaves-failures', to: 'kept: failed again', count: 1 }]);
    expect(sqs.commandCalls(DeleteMessageBatchCommand)).toEqual([]);
    expect(sqs.commandCalls(ChangeMessageVisibilityBatchCommand)[0]?.args[0].input.Entries).toEqual([
      { Id: '0', ReceiptHandle: 'r-1', VisibilityTimeout: 1 },
    ]);
  });

  it('in a dry run reads nothing from the stream and invokes nothing', async () => {
    const rows = await redriveDeployedStreams(clients(), [consumer], { dryRun: true });

    expect(rows).toEqual([{ from: 'announceWaves-failures', to: 'SanctionsWatch-Announcer', count: 1 }]);
    expect(streams.calls()).toEqual([]);
    expect(lambda.calls()).toEqual([]);
    expect(sqs.commandCalls(DeleteMessageBatchCommand)).toEqual([]);
  });
});
