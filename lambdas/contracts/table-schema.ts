/**
 * The single table's key layout, shared by the CDK stack (which creates it in AWS) and the
 * local runtime and tests (which create it in DynamoDB Local), so the two can never drift.
 * See docs/data-model.md for the item types and access patterns.
 */
export const tableSchema = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Attribute that DynamoDB's TTL deletes items by (epoch seconds). */
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    /** Delivery's fan-out: alert events by wave, watches by contact shard. */
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ],
} as const;

export type IndexName = (typeof tableSchema.globalSecondaryIndexes)[number]['indexName'];

/**
 * Watches are spread over this many shards by their contact (a hash of it), so one shard job
 * reads about 1/256 of them, and every watch of a contact is in one shard.
 */
export const CONTACT_SHARDS = 256;
