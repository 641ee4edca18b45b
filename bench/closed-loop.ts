import { count } from './results-table.ts';

/** The concurrency the API latency rows are measured at, as the issues ask: 20 clients, one request in flight each. */
export const CLIENTS = 20;
/** Measured requests alternate API and baseline rounds, so drift in the machine's load hits both alike. */
export const ROUNDS = 2;

export interface LoadResult {
  readonly times: readonly number[];
  readonly elapsedMs: number;
}

/**
 * `total` calls of `request`, `clients` at a time, each client starting its next call as its last
 * ends (a closed-loop load test). Calls take the next index in turn; `client` says which client
 * makes it, for benches that give each client its own user.
 */
export const closedLoop = async (
  total: number,
  request: (index: number, client: number) => Promise<void>,
  clients: number,
): Promise<LoadResult> => {
  const times: number[] = [];
  let next = 0;
  const client = async (clientIndex: number) => {
    for (let index = next++; index < total; index = next++) {
      const started = performance.now();
      await request(index, clientIndex);
      times.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, clientIndex) => client(clientIndex)));
  return { times, elapsedMs: performance.now() - started };
};

/** Requests per second over several runs. */
export const requestRate = (results: readonly LoadResult[]): string => {
  const requests = results.reduce((sum, result) => sum + result.times.length, 0);
  const seconds = results.reduce((sum, result) => sum + result.elapsedMs, 0) / 1000;
  return `${count(Math.round(requests / seconds))} req/s`;
};
