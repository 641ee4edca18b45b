import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '../../core/map-with-concurrency.ts';
import { unprocessedPause } from './unprocessed-pause.ts';

/** BatchWriteItem's limit per request. */
const MAX_WRITES = 25;

export type WriteRequest =
  | { readonly PutRequest: { readonly Item: Record<string, unknown> } }
  | { readonly DeleteRequest: { readonly Key: Record<string, unknown> } };

/** Puts and deletes without conditions, 25 to a request, retrying whatever DynamoDB left unprocessed. */
export const batchWriteAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
): Promise<void> => {
  const chunks = Array.from({ length: Math.ceil(requests.length / MAX_WRITES) }, (_, index) =>
    requests.slice(index * MAX_WRITES, (index + 1) * MAX_WRITES),
  );
  await mapWithConcurrency(chunks, 4, async (chunk) => {
    let pending: readonly WriteRequest[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await unprocessedPause(attempt);
      const { UnprocessedItems } = await client.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: [...pending] } }),
      );
      pending = (UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  });
};
