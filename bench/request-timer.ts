import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** How long each request a client sent took, by operation (`Query`, `PutItem`, …). */
export interface RequestTimer {
  readonly byOperation: () => ReadonlyMap<string, readonly number[]>;
}

/**
 * Times every send, from the start of the middleware stack to the parsed response (retries and
 * the time a request waits for a socket included): what the caller waits for.
 */
export const timeRequests = (client: DynamoDBClient | DynamoDBDocumentClient): RequestTimer => {
  const times = new Map<string, number[]>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        const list = times.get(operation) ?? [];
        list.push(performance.now() - started);
        times.set(operation, list);
      }
    },
    { step: 'initialize', priority: 'high', name: 'benchRequestTimer' },
  );
  return { byOperation: () => times };
};
