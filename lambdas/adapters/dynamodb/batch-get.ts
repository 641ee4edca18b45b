import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '../../core/map-with-concurrency.ts';
import type { ItemKey } from './stored-item.ts';
import { unprocessedPause } from './unprocessed-pause.ts';

/** BatchGetItem's limit per request. */
const MAX_KEYS = 100;

/** Reads the items with these keys (duplicates read once), in chunks of 100, retrying whatever DynamoDB left unprocessed. */
export const batchGetAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly ItemKey[],
): Promise<Record<string, unknown>[]> => {
  const unique = [...new Map(keys.map((key) => [`${key.PK}\n${key.SK}`, key])).values()];
  const chunks = Array.from({ length: Math.ceil(unique.length / MAX_KEYS) }, (_, index) =>
    unique.slice(index * MAX_KEYS, (index + 1) * MAX_KEYS),
  );
  const pages = await mapWithConcurrency(chunks, 4, async (chunk) => {
    const items: Record<string, unknown>[] = [];
    let pending: Record<string, unknown>[] = chunk.map(({ PK, SK }) => ({ PK, SK }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await unprocessedPause(attempt);
      const { Responses, UnprocessedKeys } = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }),
      );
      items.push(...(Responses?.[tableName] ?? []));
      pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
    return items;
  });
  return pages.flat();
};
