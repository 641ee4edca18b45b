import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { QueuedDigestEvent } from '../../core/delivery/delivery-records.ts';
import { mapWithConcurrency } from '../../core/map-with-concurrency.ts';
import type { DigestQueue } from '../../core/ports/stores.ts';
import { batchWriteAll } from './batch-write.ts';
import { contactPartition } from './contact-key.ts';
import { queryAll } from './query-all.ts';
import { parseStoredItem } from './stored-item.ts';

const storedEntrySchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    hour: z.number(),
    contact: z.string(),
    eventId: z.string(),
    watchIds: z.array(z.string()),
    states: z.array(z.string()),
    queuedAt: z.string(),
  }),
);

/** A digest goes out at a UTC hour, 0 to 23: one partition each. */
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

const entryKey = ({ hour, contact, eventId }: Pick<QueuedDigestEvent, 'hour' | 'contact' | 'eventId'>) => ({
  PK: `DIGEST#${hour}`,
  SK: `${contactPartition(contact)}#${eventId}`,
});

/**
 * Digest entries, `DIGEST#<hour>` / `<contact hash>#<eventId>`: one Query per hour finds all that
 * is due. An event queued twice for a contact (a redelivered batch) lands on the same key.
 */
export class DynamoDigestQueue implements DigestQueue {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  add(entries: readonly QueuedDigestEvent[]): Promise<void> {
    return batchWriteAll(
      this.#client,
      this.#tableName,
      entries.map((entry) => ({ PutRequest: { Item: { ...entryKey(entry), itemType: 'digest-entry', ...entry } } })),
    );
  }

  async listForHour(hour: number): Promise<QueuedDigestEvent[]> {
    const items = await queryAll(this.#client, {
      TableName: this.#tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `DIGEST#${hour}` },
    });
    return items.map((item) => parseStoredItem(storedEntrySchema, item));
  }

  remove(entries: readonly QueuedDigestEvent[]): Promise<void> {
    return batchWriteAll(
      this.#client,
      this.#tableName,
      entries.map((entry) => ({ DeleteRequest: { Key: entryKey(entry) } })),
    );
  }

  /** Drops every entry queued for the contact, in each hour's partition: what erasing the address asks. */
  async removeContact(contact: string): Promise<void> {
    const prefix = `${contactPartition(contact)}#`;
    await mapWithConcurrency(HOURS, 8, async (hour) => {
      const keys = await queryAll(this.#client, {
        TableName: this.#tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `DIGEST#${hour}`, ':prefix': prefix },
        ProjectionExpression: 'PK, SK',
      });
      await batchWriteAll(
        this.#client,
        this.#tableName,
        keys.map((Key) => ({ DeleteRequest: { Key } })),
      );
    });
  }
}
