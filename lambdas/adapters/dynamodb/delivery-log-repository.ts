import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { DeliveryLogEntry } from '../../core/delivery/delivery-records.ts';
import { invalidInput } from '../../core/errors.ts';
import type { DeliveryLog } from '../../core/ports/stores.ts';
import { batchGetAll } from './batch-get.ts';
import { batchWriteAll } from './batch-write.ts';
import { contactPartition } from './contact-key.ts';
import { deliveryKey, deliveryLogWrites, eventRecordItem, LOG_PREFIX } from './delivery-log-items.ts';
import { putEachIfAbsent } from './puts-if-absent.ts';
import { type ItemKey, parseStoredItem } from './stored-item.ts';

const storedEntrySchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    at: z.string(),
    contact: z.string(),
    channel: z.enum(['email', 'sms']),
    kind: z.enum(['alert', 'digest', 'repeat', 'test']),
    status: z.enum(['sent', 'capped', 'failed', 'skipped']),
    watchIds: z.array(z.string()),
    /** Absent where the entry points at its message record instead (messageKey). */
    eventIds: z.optional(z.array(z.string())),
    summary: z.string(),
    messageId: z.optional(z.string()),
    reason: z.optional(z.string()),
    /** The sort key of the sender's message record, in the contact's partition, that holds the event ids. */
    messageKey: z.optional(z.string()),
  }),
);
type StoredEntry = z.infer<typeof storedEntrySchema>;

/** The message record holding an entry's event ids, if the entry does not hold them itself. */
const messageRecordKey = ({ contact, eventIds, messageKey }: StoredEntry): ItemKey[] =>
  eventIds === undefined && messageKey !== undefined ? [{ PK: contactPartition(contact), SK: messageKey }] : [];

/** What the listing reads of a message record: its event ids (a record settled before they were kept there has none). */
const messageEventIdsSchema = /* @__PURE__ */ z.lazy(() => z.object({ eventIds: z.optional(z.array(z.string())) }));

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

  async recorded(
    told: readonly { readonly contact: string; readonly eventIds: readonly string[] }[],
  ): Promise<(contact: string, eventId: string) => boolean> {
    const items = await batchGetAll(
      this.#client,
      this.#tableName,
      told.flatMap(({ contact, eventIds }) => eventIds.map((eventId) => deliveryKey(contact, eventId))),
    );
    const found = new Set(items.map((item) => `${String(item.PK)}\n${String(item.SK)}`));
    return (contact, eventId) => {
      const { PK, SK } = deliveryKey(contact, eventId);
      return found.has(`${PK}\n${SK}`);
    };
  }

  async record(entry: DeliveryLogEntry): Promise<void> {
    // An event recorded already (by a concurrent delivery) keeps its first record.
    await putEachIfAbsent(
      this.#client,
      entry.eventIds.map((eventId) => ({
        TableName: this.#tableName,
        Item: eventRecordItem(entry, eventId),
        ConditionExpression: 'attribute_not_exists(PK)',
      })),
    );
    // One log entry per watch, 25 to a batch write: a contact's four watches cost one request, not four.
    await batchWriteAll(this.#client, this.#tableName, deliveryLogWrites(entry));
  }

  async listForWatch(
    watchId: string,
    query: { readonly limit: number; readonly after?: string },
  ): Promise<{ readonly entries: DeliveryLogEntry[]; readonly next?: string }> {
    // The cursor is the last sort key of the previous page; anything else was not handed out by us.
    if (query.after !== undefined && !query.after.startsWith(LOG_PREFIX))
      throw invalidInput('after', 'Query parameter "after" must be the `next` of a previous page');
    const { Items = [], LastEvaluatedKey } = await this.#client.send(
      new QueryCommand({
        TableName: this.#tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `WATCH#${watchId}`, ':prefix': LOG_PREFIX },
        ...(query.after === undefined ? {} : { ExclusiveStartKey: { PK: `WATCH#${watchId}`, SK: query.after } }),
        ScanIndexForward: false,
        Limit: query.limit,
      }),
    );
    const entries = await this.#withEventIds(Items.map((item) => parseStoredItem(storedEntrySchema, item)));
    return { entries, ...(LastEvaluatedKey ? { next: String(LastEvaluatedKey.SK) } : {}) };
  }

  /** The page's event ids kept on message records, read in one batch (a page is at most 100 entries). */
  async #withEventIds(stored: readonly StoredEntry[]): Promise<DeliveryLogEntry[]> {
    const records = await batchGetAll(this.#client, this.#tableName, stored.flatMap(messageRecordKey));
    const eventIdsOf = new Map(
      records.map((record) => [
        `${String(record.PK)}\n${String(record.SK)}`,
        parseStoredItem(messageEventIdsSchema, record).eventIds ?? [],
      ]),
    );
    // A record gone (it outlives the log entry by far) leaves the entry without its events rather than failing the page.
    return stored.map(({ messageKey, eventIds, ...entry }) => ({
      ...entry,
      eventIds:
        eventIds ??
        (messageKey === undefined ? [] : (eventIdsOf.get(`${contactPartition(entry.contact)}\n${messageKey}`) ?? [])),
    }));
  }
}
