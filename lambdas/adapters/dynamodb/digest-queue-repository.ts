import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { QueuedDigestEvent } from '../../core/delivery/delivery-records.ts';
import type { DigestQueue } from '../../core/ports/stores.ts';
import { batchWriteAll } from './batch-write.ts';
import { contactPartition } from './contact-key.ts';
import { queryAll } from './query-all.ts';
import { parseStoredItem } from './stored-item.ts';

const storedEntrySchema = z.lazy(() =>
  z.object({
    hour: z.number(),
    contact: z.string(),
    eventId: z.string(),
    watchIds: z.array(z.string()),
    states: z.array(z.string()),
    queuedAt: z.string(),
  }),
);

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
}
