import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAlertEventFeed } from '../../local/outbox/alert-event-outbox.ts';
import { type LocalRuntime, startLocalRuntime } from '../../local/runtime.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const workDirectory = mkdtempSync(join(tmpdir(), 'sanctions-watch-changes-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

/** The local runtime as `npm start` runs it, on its own DynamoDB Local with data on disk. */
const start = () =>
  startLocalRuntime({
    projectRoot,
    port: 0,
    dataDirectory: join(workDirectory, 'dynamodb'),
    identityDirectory: join(workDirectory, 'identity'),
    streamCheckpointFile: join(workDirectory, 'stream-checkpoints.json'),
    streamFailureFile: join(workDirectory, 'stream-failures.jsonl'),
    // Kept across the restart, with the machine feed beside it.
    outboxFile: join(workDirectory, 'outbox.jsonl'),
    // The dispatcher waits out its grouping window before streamIdle resolves; short here.
    groupingWindowMs: 500,
  });

const call = async (runtime: LocalRuntime, method: string, path: string, body?: unknown) => {
  const token = await runtime.issueToken('ada', { admin: true });
  const response = await fetch(`${runtime.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

/** The attributes of each message on the local machine feed, in the order published. */
const machineFeed = (runtime: LocalRuntime) =>
  readAlertEventFeed(runtime.alertEventsFile).map(({ attributes }) => attributes);

interface AlertsBody {
  alerts: { type: string; data: Record<string, unknown> }[];
}

describe('change detection on the local runtime (real DynamoDB Local stream, polled like Lambda)', () => {
  it("Russia 30,023 → 11,490, Equatorial Guinea's midterm report and a worldwide figure become alerts once, and a restart emits nothing again", async () => {
    const runtime = await start();
    try {
      const source = { kind: 'un-report', ref: "Russia's midterm report" };
      expect(
        (
          await call(runtime, 'PUT', '/states/RU/figures/work-permits.valid', {
            value: 30023,
            asOf: '2017-12-31',
            source,
          })
        ).status,
      ).toBe(200);
      await runtime.streamIdle();
      expect(
        (
          await call(runtime, 'PUT', '/states/RU/figures/work-permits.valid', {
            value: 11490,
            asOf: '2018-12-31',
            source,
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await call(runtime, 'POST', '/states/GQ/reports', {
            obligationId: '2397-p8-midterm',
            reportDate: '2019-06-10',
          })
        ).status,
      ).toBe(201);
      await runtime.streamIdle();

      const russia = (await call(runtime, 'GET', '/alerts?state=RU&type=figure.changed')).json as unknown as AlertsBody;
      expect(russia.alerts.map((alert) => alert.data)).toMatchObject([
        { first: true, current: { value: 30023 }, asOfCurrent: '2017-12-31' },
        {
          previous: { value: 30023 },
          current: { value: 11490 },
          delta: -18533,
          deltaPct: -61.7,
          asOfPrevious: '2017-12-31',
          asOfCurrent: '2018-12-31',
        },
      ]);
      const guinea = (await call(runtime, 'GET', '/alerts?state=GQ&type=report.received'))
        .json as unknown as AlertsBody;
      expect(guinea.alerts).toHaveLength(1);

      // A worldwide figure, which no state reports, is versioned and alerted on like a state's.
      const interim = { kind: 'un-report', ref: "States' interim reports, China's not included" };
      expect(
        (
          await call(runtime, 'PUT', '/world/figures/workers.repatriated', {
            value: 23245,
            asOf: '2019-12-01',
            source: interim,
          })
        ).status,
      ).toBe(200);
      await runtime.streamIdle();
      const worldwide = (await call(runtime, 'GET', '/alerts?state=world')).json as unknown as AlertsBody;
      expect(worldwide.alerts.map((alert) => alert.data)).toMatchObject([
        { first: true, current: { value: 23245 }, asOfCurrent: '2019-12-01' },
      ]);

      // Every stored event went out on the machine feed too, with the attributes subscriptions filter on.
      expect(machineFeed(runtime)).toEqual([
        { type: 'figure.changed', state: 'RU', metric: 'work-permits.valid' },
        { type: 'figure.changed', state: 'RU', metric: 'work-permits.valid' },
        { type: 'report.received', state: 'GQ', obligation: '2397-p8-midterm' },
        { type: 'figure.changed', state: 'world', metric: 'workers.repatriated' },
      ]);
    } finally {
      await runtime.stop();
    }

    const restarted = await start();
    try {
      await restarted.streamIdle();
      const all = (await call(restarted, 'GET', '/alerts?type=figure.changed')).json as unknown as AlertsBody;
      const received = (await call(restarted, 'GET', '/alerts?type=report.received')).json as unknown as AlertsBody;
      expect(all.alerts).toHaveLength(3);
      expect(received.alerts).toHaveLength(1);
      expect(machineFeed(restarted)).toHaveLength(4);
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});
