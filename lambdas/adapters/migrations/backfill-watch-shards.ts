import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { Migration } from '../../core/migrations/migration.ts';
import { watchInputFields } from '../../core/watches/watch-schema.ts';
import { parseStoredItem } from '../dynamodb/stored-item.ts';
import { watchShardKeys } from '../dynamodb/watch-repository.ts';
import { changeScannedPage } from './scan-page.ts';

/** All the shard keys need: a watch written long ago may lack fields today's schema asks for. */
const shardedWatchSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({ id: z.string(), channel: watchInputFields().channel }),
);

/** Items read a page: watch items are under 1 KB, and a page's updates take about a second. */
const PAGE_ITEMS = 1000;
const UPDATES_AT_ONCE = 16;

/**
 * Watches written before GSI3 existed have no contact shard keys, so no shard job ever finds
 * them. Each gets them as the watch repository writes them today, on condition that it still
 * exists and still lacks them (a watch rewritten meanwhile carries its own).
 */
export const backfillWatchShards = (
  client: DynamoDBDocumentClient,
  tableName: string,
  pageItems = PAGE_ITEMS,
): Migration => ({
  id: '2026-12-watch-contact-shards',
  description: 'Indexes watches written before GSI3 by their contact shard',
  page: (start) =>
    changeScannedPage(
      client,
      {
        TableName: tableName,
        FilterExpression: 'itemType = :watch AND attribute_not_exists(GSI3PK)',
        ExpressionAttributeValues: { ':watch': 'watch' },
      },
      start,
      { limit: pageItems, atOnce: UPDATES_AT_ONCE },
      async (item) => {
        const { GSI3PK, GSI3SK } = watchShardKeys(parseStoredItem(shardedWatchSchema, item));
        try {
          await client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { PK: item.PK, SK: item.SK },
              UpdateExpression: 'SET GSI3PK = :pk, GSI3SK = :sk',
              ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(GSI3PK)',
              ExpressionAttributeValues: { ':pk': GSI3PK, ':sk': GSI3SK },
            }),
          );
          return true;
        } catch (error) {
          if (error instanceof ConditionalCheckFailedException) return false;
          throw error;
        }
      },
    ),
});
