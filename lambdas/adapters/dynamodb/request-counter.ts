import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** How many DynamoDB requests a client sent, by operation: what a run or a request cost. */
export interface RequestCounter {
  readonly total: () => number;
  readonly byOperation: () => Readonly<Record<string, number>>;
}

/**
 * Counts every request the client sends (retries included: each costs a request) with an SDK
 * middleware on the finalize step, after the retry middleware has decided to send again.
 */
export const countRequests = (client: DynamoDBClient | DynamoDBDocumentClient): RequestCounter => {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = context.commandName ?? 'unknown';
      counts.set(operation, (counts.get(operation) ?? 0) + 1);
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'sanctionsWatchRequestCounter' },
  );
  return {
    total: () => [...counts.values()].reduce((sum, count) => sum + count, 0),
    byOperation: () => Object.fromEntries(counts),
  };
};
