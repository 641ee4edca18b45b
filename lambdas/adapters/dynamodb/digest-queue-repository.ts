import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { QueuedDigestEvent } from '../../core/delivery/delivery-records.ts';
import { mapWithConcurrency } from '../../core/map-with-concurrency.ts';
import type { DigestQueue } from '../../core/ports.ts';
import { contactPartition } from './contact-key.ts';
import { queryAll } from './query-all.ts';
import { parseStoredItem } from './stored-item.ts';
import { unprocessedPause } from './unprocessed-pause.ts';

const storedEntrySchema = z.object({
  hour: z.number(),
  contact: z.string(),
  eventId: z.string(),
  watchIds: z.array(z.string()),
  states: z.array(z.string()),
  queuedAt: z.string(),
});

/** BatchWriteItem's limit per request. */
const MAX_WRITES = 25;

const entryKey = ({ hour, contact, eventId }: Pick<QueuedDigestEvent, 'hour' | 'contact' | 'eventId'>) => ({ PK: `DIGEST#${hour}`, SK: `${contactPartition(contact)}#${eventId}` });

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

  async #write(requests: Record<string, unknown>[]): Promise<void> {
    const chunks = Array.from({ length: Math.ceil(requests.length / MAX_WRITES) }, (_, index) => requests.slice(index * MAX_WRITES, (index + 1) * MAX_WRITES));
    await mapWithConcurrency(chunks, 4, async (chunk) => {
      let pending = chunk;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 0) await unprocessedPause(attempt);
        const { UnprocessedItems } = await this.#client.send(new BatchWriteCommand({ RequestItems: { [this.#tableName]: pending } }));
        pending = (UnprocessedItems?.[this.#tableName] ?? []) as Record<string, unknown>[];
      }
    });
  }

  add(entries: readonly QueuedDigestEvent[]): Promise<void> {
    return this.#write(entries.map((entry) => ({ PutRequest: { Item: { ...entryKey(entry), itemType: 'digest-entry', ...entry } } })));
  }

  async listForHour(hour: number): Promise<QueuedDigestEvent[]> {
    const items = await queryAll(this.#client, { TableName: this.#tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `DIGEST#${hour}` } });
    return items.map((item) => parseStoredItem(storedEntrySchema, item));
  }

  remove(entries: readonly QueuedDigestEvent[]): Promise<void> {
    return this.#write(entries.map((entry) => ({ DeleteRequest: { Key: entryKey(entry) } })));
  }
}
