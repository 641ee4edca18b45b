import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { milliseconds, percentile } from './results-table.ts';

/** One request a client sent: its operation (`Query`, `PutItem`, …) and when it started and ended (performance.now()). */
export interface TimedRequest {
  readonly operation: string;
  readonly started: number;
  readonly ended: number;
}

export interface RequestTimer {
  /** How long each request took, by operation. */
  readonly byOperation: () => ReadonlyMap<string, readonly number[]>;
  /** Every request that started at or after `from`, in the order they ended. */
  readonly since: (from: number) => readonly TimedRequest[];
}

/**
 * Times every send, from the start of the middleware stack to the parsed response (retries and
 * the time a request waits for a socket included): what the caller waits for.
 */
export const timeRequests = (client: DynamoDBClient | DynamoDBDocumentClient): RequestTimer => {
  const requests: TimedRequest[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        requests.push({ operation, started, ended: performance.now() });
      }
    },
    { step: 'initialize', priority: 'high', name: 'benchRequestTimer' },
  );
  return {
    byOperation: () => {
      const times = new Map<string, number[]>();
      for (const { operation, started, ended } of requests) {
        const list = times.get(operation) ?? [];
        list.push(ended - started);
        times.set(operation, list);
      }
      return times;
    },
    since: (from) => requests.filter(({ started }) => started >= from),
  };
};

/** Per operation: p50 and max of what each request took, the caller's view. */
export const describeLatency = (timer: RequestTimer): string =>
  [...timer.byOperation()]
    .map(
      ([operation, times]) =>
        `${operation} p50 ${milliseconds(percentile(times, 50))}, max ${milliseconds(Math.max(...times))}`,
    )
    .join('; ');
