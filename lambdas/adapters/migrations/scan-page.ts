import { type DynamoDBDocumentClient, ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { mapWithConcurrency } from '../../core/map-with-concurrency.ts';
import type { MigrationPage } from '../../core/migrations/migration.ts';

/** The table's key: what a Scan of the table (no index) hands back as its LastEvaluatedKey. */
const tableKeySchema = z.object({ PK: z.string(), SK: z.string() });

/**
 * One page of a filtered Scan of the table, from where the previous page stopped: `limit` items
 * read, those passing the filter returned. The position is the page's LastEvaluatedKey as JSON,
 * so a migration's record can keep it.
 */
export const scanPage = async (
  client: DynamoDBDocumentClient,
  input: Pick<
    ScanCommandInput,
    'TableName' | 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
  >,
  start: string | undefined,
  limit: number,
): Promise<{ readonly items: Record<string, unknown>[]; readonly scanned: number; readonly next?: string }> => {
  const {
    Items = [],
    ScannedCount = 0,
    LastEvaluatedKey,
  } = await client.send(
    new ScanCommand({
      ...input,
      Limit: limit,
      ...(start === undefined ? {} : { ExclusiveStartKey: tableKeySchema.parse(JSON.parse(start)) }),
    }),
  );
  return {
    items: Items,
    scanned: ScannedCount,
    ...(LastEvaluatedKey === undefined ? {} : { next: JSON.stringify(tableKeySchema.parse(LastEvaluatedKey)) }),
  };
};

/**
 * A migration's page: the items of one scanned page each handed to `change`, `atOnce` at a time,
 * counted as changed where it says so.
 */
export const changeScannedPage = async (
  client: DynamoDBDocumentClient,
  input: Parameters<typeof scanPage>[1],
  start: string | undefined,
  paging: { readonly limit: number; readonly atOnce: number },
  change: (item: Record<string, unknown>) => Promise<boolean>,
): Promise<MigrationPage> => {
  const page = await scanPage(client, input, start, paging.limit);
  const changed = await mapWithConcurrency(page.items, paging.atOnce, change);
  return {
    scanned: page.scanned,
    changed: changed.filter(Boolean).length,
    ...(page.next === undefined ? {} : { next: page.next }),
  };
};
