import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { DeliveryLogEntry } from '../../core/delivery/delivery-records.ts';
import { mapWithConcurrency } from '../../core/map-with-concurrency.ts';
import type { DeliveryLog } from '../../core/ports.ts';
import { batchGetAll } from './batch-get.ts';
import { contactPartition } from './contact-key.ts';
import { parseStoredItem } from './stored-item.ts';

const storedEntrySchema = z.object({
  at: z.string(),
  contact: z.string(),
  channel: z.enum(['email', 'sms']),
  kind: z.enum(['alert', 'digest', 'repeat', 'test']),
  status: z.enum(['sent', 'capped', 'failed', 'skipped']),
  watchIds: z.array(z.string()),
  eventIds: z.array(z.string()),
  summary: z.string(),
  messageId: z.optional(z.string()),
  reason: z.optional(z.string()),
});

/** Long enough that no stream retry or repeat round can come back after its record is gone. */
const RECORD_DAYS = 400;
/** What owners can look back on. */
const LOG_DAYS = 90;
const DAY_SECONDS = 86_400;

const deliveryKey = (contact: string, eventId: string) => ({ PK: contactPartition(contact), SK: `DELIVERY#${eventId}` });
const expiresAt = (at: string, days: number): number => Math.floor(Date.parse(at) / 1000) + days * DAY_SECONDS;
/** Same entry, same key: writing a log entry again replaces it instead of adding a twin. */
const logSortKey = (entry: DeliveryLogEntry): string =>
  `DELIVERY#${entry.at}#${createHash('sha256').update([entry.contact, entry.kind, ...entry.eventIds].join('\n')).digest('base64url').slice(0, 16)}`;

/**
 * Per (contact, event), `CONTACT#<hash>` / `DELIVERY#<eventId>`: written once, with a condition,
 * and read before sending, so a redelivered batch finds what it sent. Per watch, `WATCH#<id>` /
 * `DELIVERY#<at>#...`: the log its owner reads, newest first. Both expire by TTL.
 */
export class DynamoDeliveryLog implements DeliveryLog {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async recorded(contact: string, eventIds: readonly string[]): Promise<Set<string>> {
    const items = await batchGetAll(this.#client, this.#tableName, eventIds.map((eventId) => deliveryKey(contact, eventId)));
    return new Set(items.map((item) => String(item.eventId)));
  }

  async record(entry: DeliveryLogEntry): Promise<void> {
    const { contact, at, status, kind, messageId } = entry;
    await mapWithConcurrency(entry.eventIds, 16, async (eventId) => {
      try {
        await this.#client.send(
          new PutCommand({
            TableName: this.#tableName,
            Item: { ...deliveryKey(contact, eventId), itemType: 'delivery', eventId, status, kind, at, ...(messageId ? { messageId } : {}), expiresAt: expiresAt(at, RECORD_DAYS) },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (error) {
        // Recorded already: by a concurrent delivery of the same event, which the first record wins.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    });
    const SK = logSortKey(entry);
    await mapWithConcurrency(entry.watchIds, 16, (watchId) =>
      this.#client.send(new PutCommand({ TableName: this.#tableName, Item: { PK: `WATCH#${watchId}`, SK, itemType: 'delivery-log', ...entry, expiresAt: expiresAt(at, LOG_DAYS) } })),
    );
  }

  async listForWatch(watchId: string, query: { readonly limit: number; readonly after?: string }): Promise<{ readonly entries: DeliveryLogEntry[]; readonly next?: string }> {
    const { Items = [], LastEvaluatedKey } = await this.#client.send(
      new QueryCommand({
        TableName: this.#tableName,
        KeyConditionExpression: query.after === undefined ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk AND SK BETWEEN :prefix AND :before',
        ExpressionAttributeValues: { ':pk': `WATCH#${watchId}`, ':prefix': 'DELIVERY#', ...(query.after === undefined ? {} : { ':before': query.after }) },
        ScanIndexForward: false,
        Limit: query.limit,
      }),
    );
    // BETWEEN includes the cursor itself, which the previous page ended on.
    const entries = Items.filter((item) => item.SK !== query.after).map((item) => parseStoredItem(storedEntrySchema, item));
    const last = Items.at(-1);
    return { entries, ...(LastEvaluatedKey && last ? { next: String(last.SK) } : {}) };
  }
}
