import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeDetectionStream } from '../../lambdas/contracts/streams.ts';
import {
  type StreamDeliveryFailure,
  type StreamPoller,
  type StreamPollerOptions,
  startStreamPoller,
} from '../../local/stream-poller.ts';
import { createTestTable } from '../support/test-table.ts';

/** The real mapping settings, with batches small enough to see batching in a handful of items. */
const settings = { ...changeDetectionStream, batchSize: 2 };

let table: Awaited<ReturnType<typeof createTestTable>>;
const pollers: StreamPoller[] = [];

beforeEach(async () => {
  table = await createTestTable();
});

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
  table.documentClient.destroy();
});

const put = (client: DynamoDBDocumentClient, id: string, itemType: string, extra: Record<string, unknown> = {}) =>
  client.send(
    new PutCommand({ TableName: table.tableName, Item: { PK: `ITEM#${id}`, SK: 'META', itemType, ...extra } }),
  );

const putReports = async (...ids: string[]) => {
  for (const id of ids) await put(table.documentClient, id, 'report');
};

/** The item id of a delivered record, from its keys. */
const idOf = (record: DynamoDBRecord) => record.dynamodb?.Keys?.PK?.S?.replace('ITEM#', '');

/** A handler that remembers every batch it was given and answers with `respond`. */
const recordingHandler = (
  respond: (records: DynamoDBRecord[], call: number) => DynamoDBBatchResponse | undefined = () => undefined,
) => {
  const batches: string[][] = [];
  const events: DynamoDBStreamEvent[] = [];
  const contexts: Context[] = [];
  const handler = async (event: DynamoDBStreamEvent, context: Context) => {
    events.push(event);
    contexts.push(context);
    batches.push(event.Records.map((record) => idOf(record) ?? '?'));
    return respond(event.Records, batches.length);
  };
  return { handler, batches, events, contexts };
};

const failedItem = (records: DynamoDBRecord[], id: string) => ({
  itemIdentifier: records.find((record) => idOf(record) === id)?.dynamodb?.SequenceNumber ?? '',
});

const start = async (options: Pick<StreamPollerOptions, 'handler'> & Partial<StreamPollerOptions>) => {
  const poller = await startStreamPoller({
    endpoint: table.endpoint,
    tableName: table.tableName,
    settings,
    pollIntervalMs: 10,
    onFailure: () => undefined,
    ...options,
  });
  pollers.push(poller);
  return poller;
};

describe('the local stream poller', () => {
  it("delivers exactly the records the filter passes, in stream order and batches of at most batchSize, shaped like Lambda's event", async () => {
    const client = table.documentClient;
    await put(client, 'r1', 'report');
    await put(client, 'f1', 'figure');
    await put(client, 'l1', 'figure-latest', { value: 3, digest: new Uint8Array([1, 2, 3]) });
    await put(client, 'a1', 'alert-event');
    await put(client, 'r1', 'report', { revised: true });
    await client.send(new DeleteCommand({ TableName: table.tableName, Key: { PK: 'ITEM#r1', SK: 'META' } }));
    await put(client, 'r2', 'report');
    await put(client, 'f2', 'figure');
    const { handler, batches, events, contexts } = recordingHandler();

    const poller = await start({ handler, functionName: 'detect-changes' });
    await poller.idle();

    expect(batches).toEqual([
      ['r1', 'l1'],
      ['r1', 'r2'],
    ]);
    expect(events.flatMap((event) => event.Records.map((record) => record.eventName))).toEqual([
      'INSERT',
      'INSERT',
      'MODIFY',
      'INSERT',
    ]);
    const [inserted, , modified] = events.flatMap((event) => event.Records);
    expect(inserted).toStrictEqual({
      eventID: expect.any(String),
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: expect.any(String),
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: { PK: { S: 'ITEM#r1' }, SK: { S: 'META' } },
        NewImage: { PK: { S: 'ITEM#r1' }, SK: { S: 'META' }, itemType: { S: 'report' } },
        SequenceNumber: expect.stringMatching(/^\d+$/),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: expect.stringMatching(new RegExp(`:table/${table.tableName}/stream/`)),
    });
    // Epoch seconds, as Lambda sends them, not milliseconds or a Date.
    expect(Math.abs((inserted?.dynamodb?.ApproximateCreationDateTime ?? 0) - Date.now() / 1000)).toBeLessThan(120);
    const latestFigure = events[0]?.Records[1]?.dynamodb?.NewImage;
    expect([latestFigure?.value, latestFigure?.digest]).toEqual([{ N: '3' }, { B: 'AQID' }]);
    expect(modified?.dynamodb?.OldImage).toEqual({
      PK: { S: 'ITEM#r1' },
      SK: { S: 'META' },
      itemType: { S: 'report' },
    });
    expect(modified?.dynamodb?.NewImage?.revised).toEqual({ BOOL: true });
    expect(contexts[0]?.functionName).toBe('detect-changes');
    // The function's own timeout, not a default: a long batch must not be cut off (and retried) sooner than in AWS.
    expect(contexts[0]?.getRemainingTimeInMillis()).toBeGreaterThan(settings.timeoutSeconds * 1000 - 30_000);
  });

  it('keeps delivering records written while it runs, and idle() waits for them', async () => {
    const { handler, batches } = recordingHandler();
    const poller = await start({ handler });
    await poller.idle();
    expect(batches).toEqual([]);

    await putReports('r1', 'r2', 'r3');
    await poller.idle();

    expect(batches.flat()).toEqual(['r1', 'r2', 'r3']);
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(settings.batchSize);
  });

  it('retries from the lowest reported failure, without redelivering the records before it', async () => {
    await putReports('r1', 'r2', 'r3', 'r4');
    const { handler, batches } = recordingHandler((records, call) =>
      call === 1 ? { batchItemFailures: [failedItem(records, 'r4'), failedItem(records, 'r2')] } : undefined,
    );

    const poller = await start({ handler, settings: { ...settings, batchSize: 4 } });
    await poller.idle();

    expect(batches).toEqual([
      ['r1', 'r2', 'r3', 'r4'],
      ['r2', 'r3', 'r4'],
    ]);
  });

  it.each([
    ['a sequence number not in the batch', { batchItemFailures: [{ itemIdentifier: '99999999999999999999' }] }],
    ['an empty item identifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a failure without an item identifier', { batchItemFailures: [{}] as DynamoDBBatchResponse['batchItemFailures'] }],
  ])('treats %s as a failure of the whole batch, which is then bisected', async (_case, response) => {
    await putReports('r1', 'r2');
    const { handler, batches } = recordingHandler((_records, call) => (call === 1 ? response : undefined));

    const poller = await start({ handler });
    await poller.idle();

    expect(batches).toEqual([['r1', 'r2'], ['r1'], ['r2']]);
  });

  it('ignores reported failures unless reportBatchItemFailures is on', async () => {
    await putReports('r1', 'r2');
    const { handler, batches } = recordingHandler((records) => ({ batchItemFailures: [failedItem(records, 'r1')] }));

    const poller = await start({ handler, settings: { ...settings, reportBatchItemFailures: false } });
    await poller.idle();

    expect(batches).toEqual([['r1', 'r2']]);
  });

  it('bisects a failing batch down to the bad record, sends it to onFailure after retryAttempts retries and moves on', async () => {
    await putReports('r1', 'r2', 'bad', 'r4', 'r5');
    const { handler, batches } = recordingHandler((records) => {
      if (records.some((record) => idOf(record) === 'bad')) throw new Error('cannot process bad');
      return undefined;
    });
    const failures: StreamDeliveryFailure[] = [];

    const poller = await start({ handler, onFailure: (failure) => void failures.push(failure) });
    await poller.idle();

    const alone = Array.from({ length: settings.retryAttempts + 1 }, () => ['bad']);
    expect(batches).toEqual([['r1', 'r2'], ['bad', 'r4'], ...alone, ['r4'], ['r5']]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      reason: 'RetryAttemptsExhausted',
      attempts: settings.retryAttempts + 1,
      shardId: expect.stringMatching(/^shardId-/),
    });
    expect(failures[0]?.records.map(idOf)).toEqual(['bad']);
    expect(failures[0]?.error).toEqual(new Error('cannot process bad'));
  });

  it('without bisecting, discards the rest of the failing batch with the bad record, as Lambda does', async () => {
    await putReports('r1', 'bad', 'r3', 'r4');
    const { handler, batches } = recordingHandler((records) =>
      records.some((record) => idOf(record) === 'bad')
        ? { batchItemFailures: [failedItem(records, 'bad')] }
        : undefined,
    );
    const failures: StreamDeliveryFailure[] = [];

    const noBisect = { ...settings, batchSize: 3, bisectBatchOnError: false, retryAttempts: 1 };
    const poller = await start({ handler, settings: noBisect, onFailure: (failure) => void failures.push(failure) });
    await poller.idle();

    expect(batches).toEqual([['r1', 'bad', 'r3'], ['bad', 'r3'], ['r4']]);
    expect(failures.map((failure) => [failure.reason, failure.attempts, failure.records.map(idOf)])).toEqual([
      ['RetryAttemptsExhausted', 2, ['bad', 'r3']],
    ]);
  });

  it('sends records older than maxRecordAgeSeconds to onFailure without invoking the function', async () => {
    await putReports('r1');
    const { handler, batches } = recordingHandler();
    const failures: StreamDeliveryFailure[] = [];

    const poller = await start({
      handler,
      settings: { ...settings, maxRecordAgeSeconds: 0 },
      onFailure: (failure) => void failures.push(failure),
    });
    await poller.idle();

    expect(batches).toEqual([]);
    expect(failures.map((failure) => [failure.reason, failure.attempts, failure.records.map(idOf)])).toEqual([
      ['MaximumRecordAgeExceeded', 0, ['r1']],
    ]);
  });

  it('resumes from its checkpoint file after a restart instead of re-reading', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'stream-poller-'));
    try {
      const checkpointFile = join(directory, 'checkpoints.json');
      await putReports('r1', 'r2', 'r3');
      await put(table.documentClient, 'f1', 'figure');
      const first = recordingHandler();
      const poller = await start({ handler: first.handler, checkpointFile });
      await poller.idle();
      await poller.stop();
      await putReports('r4');

      const second = recordingHandler();
      const restarted = await start({ handler: second.handler, checkpointFile });
      await restarted.idle();

      expect(first.batches.flat()).toEqual(['r1', 'r2', 'r3']);
      expect(second.batches).toEqual([['r4']]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('starts at LATEST when asked, skipping what was already in the stream', async () => {
    await putReports('old');
    const { handler, batches } = recordingHandler();

    const poller = await start({ handler, startingPosition: 'LATEST' });
    await putReports('new');
    await poller.idle();

    expect(batches).toEqual([['new']]);
  });

  it('stops polling on stop(), after which idle() is refused', async () => {
    const { handler, batches } = recordingHandler();
    const poller = await start({ handler });
    await poller.idle();

    await poller.stop();
    await putReports('r1');
    await sleep(100);

    expect(batches).toEqual([]);
    await expect(poller.idle()).rejects.toThrow('stopped');
  });
});
