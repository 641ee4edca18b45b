import type { LocalRuntime } from '../local/runtime.ts';
import { type ApiAnswer, callApi, errorCode } from './api-call.ts';
import { CLIENTS, closedLoop, requestRate } from './closed-loop.ts';
import { figureBody } from './e2e-figure.ts';
import { type BenchRow, count, milliseconds, percentile } from './results-table.ts';

const LOAD_REQUESTS = 2_000;
const LOAD_USERS = 10;
const STATES = ['RU', 'CN', 'FR', 'NG'];

interface Tokens {
  readonly admin: string;
  readonly users: readonly string[];
}

/** One kind of request in the mix, with the status it should answer and, for a deliberately bad one, why. */
interface RequestKind {
  readonly name: string;
  readonly expected: number;
  readonly bad?: string;
  readonly send: (apiUrl: string, tokens: Tokens, index: number) => Promise<ApiAnswer>;
}

const userOf = (tokens: Tokens, index: number): string => tokens.users[index % tokens.users.length] ?? '';
/** The same ordinal for every request of a kind in one round of the mix: a new figure date per round. */
const round = (index: number): number => Math.floor(index / MIX.length);

/**
 * The mix, one round of 20 requests: public reads, a user's watches, new watches (each a new
 * address, so a confirmation mail), figure writes as admin (each on a new date in 2020, so change
 * detection runs), and one in five deliberately bad: an unknown state, an invalid address, no
 * token, a non-admin writing a figure. Those must answer their 4xx, never a 5xx.
 */
const MIX: readonly RequestKind[] = [
  ...STATES.map(
    (state): RequestKind => ({
      name: 'GET /states/{code}',
      expected: 200,
      send: (apiUrl) => callApi(apiUrl, 'GET', `/states/${state}`),
    }),
  ),
  ...Array.from(
    { length: 3 },
    (): RequestKind => ({
      name: 'GET /status',
      expected: 200,
      send: (apiUrl) => callApi(apiUrl, 'GET', '/status?asOf=2019-03-23'),
    }),
  ),
  ...Array.from(
    { length: 3 },
    (): RequestKind => ({
      name: 'GET /alerts',
      expected: 200,
      send: (apiUrl) => callApi(apiUrl, 'GET', '/alerts?limit=20'),
    }),
  ),
  ...Array.from(
    { length: 2 },
    (): RequestKind => ({
      name: 'GET /watches',
      expected: 200,
      send: (apiUrl, tokens, index) => callApi(apiUrl, 'GET', '/watches', userOf(tokens, index)),
    }),
  ),
  ...Array.from(
    { length: 2 },
    (): RequestKind => ({
      name: 'POST /watches',
      expected: 201,
      send: (apiUrl, tokens, index) =>
        callApi(apiUrl, 'POST', '/watches', userOf(tokens, index), {
          target: { groups: ['europe'] },
          events: ['report.overdue'],
          channel: { email: `load-${index}@example.org` },
        }),
    }),
  ),
  ...['CN', 'IN'].map(
    (state): RequestKind => ({
      name: 'PUT /states/{code}/figures/{metric}',
      expected: 200,
      send: (apiUrl, tokens, index) =>
        callApi(apiUrl, 'PUT', `/states/${state}/figures/work-permits.valid`, tokens.admin, figureBody(round(index))),
    }),
  ),
  {
    name: 'GET /states/{code}',
    expected: 404,
    bad: 'unknown state',
    send: (apiUrl) => callApi(apiUrl, 'GET', '/states/XX'),
  },
  {
    name: 'POST /watches',
    expected: 400,
    bad: 'invalid address',
    send: (apiUrl, tokens, index) =>
      callApi(apiUrl, 'POST', '/watches', userOf(tokens, index), {
        target: { groups: ['europe'] },
        events: ['report.overdue'],
        channel: { email: 'not-an-address' },
      }),
  },
  { name: 'GET /watches', expected: 401, bad: 'no token', send: (apiUrl) => callApi(apiUrl, 'GET', '/watches') },
  {
    name: 'PUT /states/{code}/figures/{metric}',
    expected: 403,
    bad: 'not an admin',
    send: (apiUrl, tokens, index) =>
      callApi(apiUrl, 'PUT', '/states/RU/figures/work-permits.valid', userOf(tokens, index), figureBody(0)),
  },
];

/** `n × status route (code)`, most frequent first. */
const tally = (keys: readonly string[]): string => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([key, n]) => `${count(n)} × ${key}`)
    .join(', ');
};

/**
 * LOAD_REQUESTS requests of MIX in turn, CLIENTS at a time, every answer logged by status, route
 * and error code: a 5xx, or any status but the one its kind expects, is a finding.
 */
export const loadRows = async (runtime: LocalRuntime): Promise<BenchRow[]> => {
  const tokens: Tokens = {
    admin: await runtime.issueToken('bench-e2e-admin', { admin: true }),
    users: await Promise.all(
      Array.from({ length: LOAD_USERS }, (_, user) => runtime.issueToken(`bench-e2e-load-${user}`)),
    ),
  };
  const intended: string[] = [];
  const unexpected: string[] = [];
  const byClass = new Map<string, number>();
  const timesByKind = new Map<string, number[]>();
  const result = await closedLoop(
    LOAD_REQUESTS,
    async (index) => {
      const kind = MIX[index % MIX.length];
      if (kind === undefined) throw new Error(`no request kind for ${index}`);
      const started = performance.now();
      const answer = await kind.send(runtime.apiUrl, tokens, index);
      const times = timesByKind.get(kind.name) ?? [];
      times.push(performance.now() - started);
      timesByKind.set(kind.name, times);
      const statusClass = `${Math.floor(answer.status / 100)}xx`;
      byClass.set(statusClass, (byClass.get(statusClass) ?? 0) + 1);
      const described = `${answer.status} ${kind.name}${answer.status >= 400 ? ` (${errorCode(answer)})` : ''}`;
      if (answer.status !== kind.expected) unexpected.push(`${described}, expected ${kind.expected}`);
      else if (kind.bad !== undefined) intended.push(`${described}: ${kind.bad}`);
    },
    CLIENTS,
  );
  const classes = [...byClass]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([statusClass, n]) => `${statusClass} ${count(n)}`)
    .join(', ');
  const errors = byClass.get('5xx') ?? 0;
  const slowest = [...timesByKind]
    .map(([name, times]) => ({ name, p50: percentile(times, 50), p99: percentile(times, 99) }))
    .sort((a, b) => b.p99 - a.p99)
    .map(({ name, p50, p99 }) => `${name} ${milliseconds(p50)} / ${milliseconds(p99)}`)
    .join('; ');
  const label = `e2e: load, ${count(LOAD_REQUESTS)} requests, ${CLIENTS} clients (GET state/status/alerts/watches, POST /watches under ${LOAD_USERS} users, PUT figure as admin; 1 in 5 deliberately bad)`;
  return [
    {
      what: `${label}: 5xx`,
      value: `5xx: ${count(errors)}`,
      target: '0',
      baseline: classes,
      meetsTarget: errors === 0,
    },
    {
      what: `${label}: 4xx, deliberately bad requests`,
      value: tally(intended),
      target: 'each its documented 4xx',
      baseline: '',
    },
    {
      what: `${label}: answers other than expected`,
      value: unexpected.length === 0 ? '0' : tally(unexpected),
      target: '0',
      baseline: '',
      meetsTarget: unexpected.length === 0,
    },
    {
      what: `${label}: p50 / p99`,
      value: `${milliseconds(percentile(result.times, 50))} / ${milliseconds(percentile(result.times, 99))}`,
      target: '',
      baseline: `by route, slowest first: ${slowest}`,
    },
    { what: `${label}: throughput`, value: requestRate([result]), target: '', baseline: '' },
  ];
};
