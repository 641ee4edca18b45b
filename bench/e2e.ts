import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { AlertEvent } from '../lambdas/core/alerts/alert-event.ts';
import { DAILY_CAP_ENV } from '../lambdas/adapters/delivery-settings.ts';
import { addDays, isoDate } from '../lambdas/core/time/calendar-date.ts';
import { projectRoot } from '../lib/lambda-bundling.ts';
import { startLocalRuntime, type LocalRuntime } from '../local/runtime.ts';
import { CLIENTS, closedLoop, requestRate } from './closed-loop.ts';
import { benchContacts, benchWatches, measuredDispatch, statuses, storeBenchWatches } from './dispatcher.ts';
import { count, milliseconds, percentile, type BenchRow } from './results-table.ts';

/** The dispatcher's grouping window here: 0, so the poller invokes it as soon as records arrive and the rows measure the pipeline. */
const GROUPING_WINDOW_MS = 0;
const FIGURE_WRITES = 100;
const OUTBOX_POLL_MS = 10;
/** The checker's watches: 40 per owner, under the cap of 100; one in ten on all: true, the rest half on a group, half on a state. */
/**
 * 1,000 by default: setup writes ~10 items a watch, and 10,000 (BENCH_E2E_WATCHES=10000) takes
 * DynamoDB Local on 2 cores far beyond the bench's few minutes. Contacts and owners scale with it.
 */
const CHECK_WATCHES = Number(process.env.BENCH_E2E_WATCHES ?? 1_000);
if (!Number.isInteger(CHECK_WATCHES) || CHECK_WATCHES < 40) throw new Error(`BENCH_E2E_WATCHES must be a whole number of 40 or more, got ${JSON.stringify(process.env.BENCH_E2E_WATCHES)}`);
const CHECK_SHAPE = { watches: CHECK_WATCHES, contacts: Math.ceil(CHECK_WATCHES / 4), owners: Math.ceil(CHECK_WATCHES / 40), allEvery: 10 } as const;
/** The day after the midterm deadline: every state is overdue. */
const CHECK_AT = '2019-03-23T06:00:00Z';
const LOAD_REQUESTS = 2_000;
const LOAD_USERS = 10;
/** Above the default 50 emails per contact per day, which the one watched address would reach before FIGURE_WRITES alerts. */
const EMAIL_DAILY_CAP = FIGURE_WRITES + 10;
/** How long an alert may take to reach the outbox before the bench gives up. */
const ALERT_TIMEOUT_MS = 15_000;
const CONFIRM_LINK = /http:\/\/\S+\/local\/confirm\/[A-Za-z0-9_-]+/;

interface OutboxLine {
  readonly to: string;
  readonly text: string;
  readonly eventIds: readonly string[];
}

const readOutbox = async (file: string): Promise<OutboxLine[]> => {
  try {
    const text = await readFile(file, 'utf8');
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as OutboxLine);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
};

/** Alert messages in the outbox: the lines that carry events (confirmations and codes carry none). */
const alertLines = async (file: string): Promise<OutboxLine[]> => (await readOutbox(file)).filter((line) => line.eventIds.length > 0);

const call = async (runtime: LocalRuntime, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
  const response = await fetch(`${runtime.apiUrl}${path}`, {
    method,
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
};

const expectStatus = (result: { status: number; json: unknown }, status: number, what: string): unknown => {
  if (result.status !== status) throw new Error(`${what} answered ${result.status}: ${JSON.stringify(result.json).slice(0, 300)}`);
  return result.json;
};

const figureBody = (index: number) => ({ value: 5000 + index, asOf: addDays(isoDate('2020-01-01'), index), source: { kind: 'estimate' } });

/** Registers an email watch on RU's figure.changed and follows the confirmation link in the outbox, so it turns active. */
const confirmedFigureWatch = async (runtime: LocalRuntime, email: string): Promise<void> => {
  const token = await runtime.issueToken('bench-e2e-user');
  expectStatus(await call(runtime, 'POST', '/watches', token, { target: { states: ['RU'] }, events: ['figure.changed'], channel: { email } }), 201, 'POST /watches');
  const confirmation = (await readOutbox(runtime.outboxFile)).find((line) => line.to === email && CONFIRM_LINK.test(line.text));
  const link = confirmation?.text.match(CONFIRM_LINK)?.[0];
  if (link === undefined) throw new Error(`no confirmation link for ${email} in ${runtime.outboxFile}`);
  const confirmed = await fetch(link);
  await confirmed.text();
  if (!confirmed.ok) throw new Error(`the confirmation link answered ${confirmed.status}`);
  const watches = expectStatus(await call(runtime, 'GET', '/watches', token), 200, 'GET /watches') as { watches?: { status: string }[] } | { status: string }[];
  const list = Array.isArray(watches) ? watches : (watches.watches ?? []);
  if (!list.some((watch) => watch.status === 'active')) throw new Error(`the watch did not turn active: ${JSON.stringify(watches).slice(0, 300)}`);
};

/** Part 1: from a PUT figure's response to its alert in the outbox, FIGURE_WRITES times in turn. */
const figureToOutboxRows = async (runtime: LocalRuntime): Promise<BenchRow[]> => {
  await confirmedFigureWatch(runtime, 'e2e-figure@example.org');
  const admin = await runtime.issueToken('bench-e2e-admin', { admin: true });
  const latencies: number[] = [];
  let alerts = (await alertLines(runtime.outboxFile)).length;
  for (let index = 0; index < FIGURE_WRITES; index++) {
    expectStatus(await call(runtime, 'PUT', '/states/RU/figures/work-permits.valid', admin, figureBody(index)), 200, 'PUT figure');
    const returned = performance.now();
    while ((await alertLines(runtime.outboxFile)).length <= alerts) {
      if (performance.now() - returned > ALERT_TIMEOUT_MS) throw new Error(`write ${index + 1}: no alert in the outbox after ${ALERT_TIMEOUT_MS} ms`);
      await sleep(OUTBOX_POLL_MS);
    }
    latencies.push(performance.now() - returned);
    alerts = (await alertLines(runtime.outboxFile)).length;
  }
  const label = `e2e: PUT figure → alert in the outbox, local runtime, grouping window ${GROUPING_WINDOW_MS} ms (${count(FIGURE_WRITES)} writes, outbox polled every ${OUTBOX_POLL_MS} ms, email cap ${EMAIL_DAILY_CAP}/day)`;
  const baseline = 'AWS: the 60 s grouping window dominates';
  return [
    { what: `${label}: p50`, value: milliseconds(percentile(latencies, 50)), target: '', baseline },
    { what: `${label}: p99`, value: milliseconds(percentile(latencies, 99)), target: '', baseline },
  ];
};

/** Part 2's watches and contacts: a table of their own on the runtime's DynamoDB Local, which no stream poller reads. */
const CHECK_WATCH_TABLE = 'bench-e2e-watches';

/**
 * Part 2: the deadline check over 193 states as of CHECK_AT through POST /checks on the runtime,
 * then dispatchEvents run directly on the events it stored (as bench/dispatcher.ts does) against
 * CHECK_SHAPE's active watches: through the runtime's stream, the setup's ~10^5 writes would have
 * to be read by both pollers first, far beyond the bench's few minutes.
 */
const checkerRows = async (runtime: LocalRuntime): Promise<BenchRow[]> => {
  const watches = benchWatches(CHECK_SHAPE);
  const setupStarted = performance.now();
  await storeBenchWatches(runtime.dynamoDbEndpoint, CHECK_WATCH_TABLE, benchContacts(CHECK_SHAPE.contacts), watches);
  const setupMs = performance.now() - setupStarted;

  const admin = await runtime.issueToken('bench-e2e-admin', { admin: true });
  const started = performance.now();
  const check = expectStatus(await call(runtime, 'POST', '/checks', admin, { at: CHECK_AT }), 200, 'POST /checks') as { emitted: AlertEvent[]; dynamoDbRequests: number };
  const storedMs = performance.now() - started;
  const dispatch = await measuredDispatch(runtime.dynamoDbEndpoint, CHECK_WATCH_TABLE, check.emitted);
  const messages = dispatch.outcome.deliveries.length;
  const allSent = dispatch.sent === messages && dispatch.parked === 0;

  const label = `e2e: deadline check as of ${CHECK_AT}, 193 states, ${count(CHECK_SHAPE.watches)} active watches over ${count(CHECK_SHAPE.contacts)} contacts`;
  const direct = 'dispatchEvents run directly on the stored events (not through the stream), in-memory notifier';
  return [
    { what: `${label}: events emitted, time to store them (POST /checks)`, value: `${count(check.emitted.length)} events, ${milliseconds(storedMs)}`, target: '', baseline: `setup ${(setupMs / 1000).toFixed(1)} s, not measured` },
    { what: `${label}: dispatch until every message sent`, value: milliseconds(dispatch.ms), target: '', baseline: direct },
    {
      what: `${label}: matches → messages sent`,
      value: `${count(dispatch.outcome.matches)} matches → ${count(dispatch.sent)} sent (${statuses(dispatch.outcome)})`,
      target: 'every message sent',
      baseline: `${count(dispatch.parked)} parked`,
      meetsTarget: allSent,
    },
    { what: `${label}: DynamoDB requests`, value: `check ${count(check.dynamoDbRequests)}, dispatch ${count(dispatch.requests)}`, target: '', baseline: dispatch.byOperation },
  ];
};

/** Part 3: LOAD_REQUESTS mixed public and authenticated requests, CLIENTS at a time. */
const loadRows = async (runtime: LocalRuntime): Promise<BenchRow[]> => {
  const admin = await runtime.issueToken('bench-e2e-admin', { admin: true });
  const users = await Promise.all(Array.from({ length: LOAD_USERS }, (_, user) => runtime.issueToken(`bench-e2e-load-${user}`)));
  const byClass = new Map<string, number>();
  const requests: ((index: number) => Promise<number>)[] = [
    async (index) => (await call(runtime, 'GET', `/states/${['RU', 'CN', 'FR', 'BR', 'NG'][index % 5] ?? 'RU'}`)).status,
    async () => (await call(runtime, 'GET', `/status?asOf=${encodeURIComponent('2019-03-23T06:00:00Z')}`)).status,
    async () => (await call(runtime, 'GET', '/alerts?limit=20')).status,
    async (index) => (await call(runtime, 'GET', '/watches', users[index % LOAD_USERS])).status,
    async (index) => (await call(runtime, 'POST', '/watches', users[index % LOAD_USERS], { target: { groups: ['europe'] }, events: ['report.overdue'], channel: { email: `load-${index}@example.org` } })).status,
    async (index) => (await call(runtime, 'PUT', `/states/CN/figures/work-permits.valid`, admin, figureBody(1000 + index))).status,
  ];
  const result = await closedLoop(
    LOAD_REQUESTS,
    async (index) => {
      const status = await (requests[index % requests.length] ?? requests[0])?.(index);
      const statusClass = `${Math.floor((status ?? 0) / 100)}xx`;
      byClass.set(statusClass, (byClass.get(statusClass) ?? 0) + 1);
    },
    CLIENTS,
  );
  const classes = [...byClass].sort(([a], [b]) => a.localeCompare(b)).map(([statusClass, n]) => `${statusClass} ${count(n)}`).join(', ');
  const errors = byClass.get('5xx') ?? 0;
  const label = `e2e: load, ${count(LOAD_REQUESTS)} requests, ${CLIENTS} clients (GET state/status/alerts/watches, POST /watches under ${LOAD_USERS} users, PUT figure as admin)`;
  return [
    { what: `${label}: 5xx`, value: `5xx: ${count(errors)}`, target: '0', baseline: classes, meetsTarget: errors === 0 },
    { what: `${label}: p50 / p99`, value: `${milliseconds(percentile(result.times, 50))} / ${milliseconds(percentile(result.times, 99))}`, target: '', baseline: '' },
    { what: `${label}: throughput`, value: requestRate([result]), target: '', baseline: '' },
  ];
};

/**
 * Rows: the service end to end on one local runtime with the dispatcher's grouping window at
 * GROUPING_WINDOW_MS: a figure write to its alert in the outbox; load on the API; then the
 * deadline check over every state with CHECK_SHAPE's watches, to the last message sent. Run in its
 * own process (see e2e-process.ts): the handlers keep one runtime's client and outbox for the life of the process.
 */
export const e2eRows = async (): Promise<BenchRow[]> => {
  const identityDirectory = await mkdtemp(join(tmpdir(), 'sanctions-watch-bench-e2e-identity-'));
  let runtime: LocalRuntime | undefined;
  // Read by the handlers as they load, which the runtime does.
  process.env[DAILY_CAP_ENV.email] = String(EMAIL_DAILY_CAP);
  try {
    runtime = await startLocalRuntime({ projectRoot, port: 0, identityDirectory, groupingWindowMs: GROUPING_WINDOW_MS });
    const figure = await figureToOutboxRows(runtime);
    const load = await loadRows(runtime);
    const checker = await checkerRows(runtime);
    return [...figure, ...checker, ...load];
  } finally {
    await runtime?.stop();
    await rm(identityDirectory, { recursive: true, force: true });
  }
};

/** Before the rows' JSON on e2e-process.ts's output. */
export const E2E_ROWS_MARKER = 'E2E_ROWS ';

/** e2eRows in a child process of its own, so that its runtime is the process's only one, whatever other sections run. */
export const e2eRowsInOwnProcess = async (): Promise<BenchRow[]> => {
  const { stdout } = await promisify(execFile)(process.execPath, [join(projectRoot, 'bench', 'e2e-process.ts')], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
  const line = stdout.split('\n').find((text) => text.startsWith(E2E_ROWS_MARKER));
  if (line === undefined) throw new Error(`the e2e process printed no rows:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice(E2E_ROWS_MARKER.length)) as BenchRow[];
};
