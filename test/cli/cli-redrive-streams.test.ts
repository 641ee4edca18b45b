import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRedriveArgs, redriveCommand } from '../../cli/commands/redrive.ts';
import { UsageError } from '../../cli/usage-error.ts';
import { tableStores } from '../../lambdas/adapters/dynamodb/table-stores.ts';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { seedReferenceData } from '../../lambdas/core/reference/seed-reference-data.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { readAlertEventFeed } from '../../local/outbox/alert-event-outbox.ts';
import { deliveryQueueDefinitions } from '../../local/queues/delivery-queue-definitions.ts';
import { type LocalSqs, startLocalSqs } from '../../local/queues/local-sqs.ts';
import {
  DELIVERY_FAILURES_QUEUE,
  localQueueAddresses,
  writeQueueAddresses,
} from '../../local/queues/queue-addresses.ts';
import { readChangeRecords } from '../../local/read-change-records.ts';
import { localStreamAddressesFile, writeStreamAddresses } from '../../local/stream-addresses.ts';
import { alertEventInsertRecord } from '../support/alert-event-records.ts';
import { createTestTable, type TestTable } from '../support/test-table.ts';
import { qatarOverdue as qatarOverdueEvent, russiaWorkPermits } from '../support/watch-fixtures.ts';
import { runCli } from './run-cli.ts';

/**
 * `sanctions-watch redrive --queue streams`: the batches the local stream consumers gave up on,
 * written as the poller writes them (stream-consumer.ts), replayed through the same consumers
 * over the service's table, wave queue and machine feed.
 */
const wave = 'changes:2019-03-25T10:00:00.000Z';
const qatarOverdue: AlertEvent = { ...qatarOverdueEvent, waveId: wave };
const russia: AlertEvent = { ...russiaWorkPermits, waveId: wave };

/** A line of the failure file, as the local consumers append it when a batch runs out of retries. */
const failureLine = (functionName: string, records: DynamoDBRecord[]) =>
  JSON.stringify({
    at: '2019-03-25T10:00:05.000Z',
    function: functionName,
    reason: 'RetryAttemptsExhausted',
    records,
    attempts: 6,
    shardId: 'shardId-00000001',
    error: 'Error: SNS was down',
  });
/** An alert event stored without its wave: the announcer fails it, every time. */
const waveless = alertEventInsertRecord({ ...qatarOverdue, id: 'NoWave1234567890abcdef', waveId: undefined }, '300');

let table: TestTable;
let sqs: LocalSqs;
let queuesFile: string;
let failureFile: string;
let alertEventsFile: string;

/** Equatorial Guinea's midterm report reaches the table; change detection gave up on its record. */
const recordReport = async (): Promise<DynamoDBRecord[]> => {
  const stores = tableStores(table.documentClient, table.tableName);
  await seedReferenceData(stores);
  await stores.stateRecords.recordReport(
    {
      state: 'GQ',
      obligationId: '2397-p8-midterm',
      reportDate: isoDate('2019-06-10'),
      public: true,
      recordedAt: '2019-06-12T00:00:00.000Z',
    },
    [],
  );
  return readChangeRecords(table.endpoint, table.tableName);
};
const reportEvents = () =>
  tableStores(table.documentClient, table.tableName).alertEvents.list({
    state: 'GQ',
    type: 'report.received',
    limit: 10,
  });

beforeAll(async () => {
  table = await createTestTable();
  const reportRecords = await recordReport();
  sqs = await startLocalSqs({
    queues: deliveryQueueDefinitions({ waveDelaySeconds: 0 }),
    plainQueues: [DELIVERY_FAILURES_QUEUE],
  });
  const dataDirectory = join(mkdtempSync(join(tmpdir(), 'sanctions-watch-stream-redrive-')), 'dynamodb');
  queuesFile = `${dataDirectory}-queues.json`;
  failureFile = `${dataDirectory}-stream-failures.jsonl`;
  alertEventsFile = join(dataDirectory, '..', 'alert-events.jsonl');
  writeQueueAddresses(queuesFile, localQueueAddresses(sqs));
  writeStreamAddresses(localStreamAddressesFile(dataDirectory), {
    dynamoDbEndpoint: table.endpoint,
    tableName: table.tableName,
    alertEventsFile,
    failureFile,
  });
  writeFileSync(
    failureFile,
    [
      failureLine('detect-changes', reportRecords),
      failureLine('publish-alert-events', [
        alertEventInsertRecord(russia, '100'),
        alertEventInsertRecord(qatarOverdue, '200'),
      ]),
      failureLine('announce-waves', [alertEventInsertRecord(russia, '100'), waveless]),
      'not json',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await sqs.stop();
  table.documentClient.destroy();
});

const run = (args: readonly string[]) =>
  redriveCommand(parseRedriveArgs([...args, '--queue', 'streams', '--queues', queuesFile]).options);

/** The wave announcements on the wave queue now, taken off it. */
const announcedWaves = async (): Promise<string[]> => {
  const { Messages = [] } = await sqs.client.send(
    new ReceiveMessageCommand({ QueueUrl: sqs.queueUrl('waves'), MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
  );
  return Messages.map(({ Body = '' }) => Body);
};

describe('sanctions-watch redrive --queue streams on the local service', () => {
  it('with --dry-run, counts the batches each consumer would get again and replays nothing', async () => {
    const before = readFileSync(failureFile, 'utf8');

    const { lines } = await run(['--dry-run']);

    expect(lines).toEqual([
      'Dry run: 3 messages would move; nothing moved.',
      '',
      'FROM             TO                          WOULD MOVE',
      'stream-failures  detect-changes                       1',
      'stream-failures  publish-alert-events                 1',
      'stream-failures  announce-waves                       1',
      'stream-failures  kept: not a stream failure           1',
    ]);
    expect(readFileSync(failureFile, 'utf8')).toBe(before);
    expect(existsSync(alertEventsFile)).toBe(false);
    expect((await reportEvents()).events).toEqual([]);
  });

  it('replays each batch through its consumer: the events reach the machine feed and the wave is announced, once; what fails again stays', async () => {
    const { lines } = await run([]);

    expect(lines).toEqual([
      'Moved 2 messages.',
      '',
      'FROM             TO                          MOVED',
      'stream-failures  detect-changes                  1',
      'stream-failures  publish-alert-events            1',
      'stream-failures  kept: failed again              1',
      'stream-failures  kept: not a stream failure      1',
    ]);
    expect(readAlertEventFeed(alertEventsFile).map(({ body }) => body.id)).toEqual([russia.id, qatarOverdue.id]);
    // The announcer announced Russia's wave, and kept the batch from the record it could not announce on.
    expect(await announcedWaves()).toEqual([JSON.stringify({ waveId: wave })]);
    // Change detection stored the report's alert event (which the running service's stream would carry on).
    expect((await reportEvents()).events.map(({ type, state }) => ({ type, state }))).toEqual([
      { type: 'report.received', state: 'GQ' },
    ]);
    const kept = readFileSync(failureFile, 'utf8').split('\n').filter(Boolean);
    expect(kept).toHaveLength(2);
    expect(kept[1]).toBe('not json');
    expect(JSON.parse(kept[0] ?? '')).toMatchObject({
      function: 'announce-waves',
      records: [waveless],
      attempts: 7,
      error: 'record 300 reported as failed',
    });
  });

  it('run again (bin/cli.ts as a child process), replays nothing more and prints only its table', async () => {
    const { code, stdout, stderr } = await runCli(['redrive', '--queue', 'streams', '--queues', queuesFile]);

    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        'Moved 0 messages.',
        '',
        'FROM             TO                          MOVED',
        'stream-failures  kept: failed again              1',
        'stream-failures  kept: not a stream failure      1',
        '',
      ].join('\n'),
    );
    expect(readAlertEventFeed(alertEventsFile)).toHaveLength(2);
    expect(await announcedWaves()).toEqual([]);
    expect((await reportEvents()).events).toHaveLength(1);
  });
});

describe('sanctions-watch redrive --queue streams, refusals', () => {
  it.each([
    [
      ['--streams', 'a.json', '--outputs', 'cdk-outputs.json'],
      '--streams (the local stream consumers) and --outputs (a deployed stack) do not go together',
    ],
  ])('refuses %j', (args, message) => {
    expect(() => parseRedriveArgs(args)).toThrow(new UsageError(message));
  });

  it('says where it looked when the stream consumers’ addresses are missing', async () => {
    await expect(run(['--streams', join(tmpdir(), 'no-such-streams.json')])).rejects.toThrow(
      'no-such-streams.json (is npm start running?)',
    );
  });
});
