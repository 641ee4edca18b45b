import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { type Contact, EMAIL_CONFIRMATION_DAYS, SMS_CODE_MINUTES } from '../../core/contacts/contact.ts';
import { contactKeyOf } from '../../core/contacts/contact-key.ts';
import { conflict } from '../../core/errors.ts';
import type { ContactStore } from '../../core/ports/stores.ts';
import { batchGetAll } from './batch-get.ts';
import { batchWriteAll } from './batch-write.ts';
import { contactKeyPartition, contactPartition } from './contact-key.ts';
import { DynamoDigestQueue } from './digest-queue-repository.ts';
import { putIfUnchanged } from './put-if-unchanged.ts';
import { queryAll } from './query-all.ts';
import { parseStoredItem } from './stored-item.ts';

const storedContactSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    channel: z.enum(['email', 'sms']),
    to: z.string(),
    state: z.enum(['pending', 'confirmed', 'gone', 'opted-out']),
    requestedAt: z.string(),
    updatedAt: z.string(),
    signedUp: z.optional(z.literal(true)),
  }),
);

/** The contact item's key, by the contact's key (contact-key.ts). */
export const contactItemKeyOf = (key: string) => ({ PK: contactKeyPartition(key), SK: 'CONTACT' });
export const contactKey = (id: string) => contactItemKeyOf(contactKeyOf(id));
/** Beside the contact, and outliving it: holds no address, only when the address asked to be erased. */
const SUPPRESSED_SK = 'SUPPRESSED';

/** A stored contact item read back. */
export const parseContactItem = (item: Record<string, unknown>): Contact => parseStoredItem(storedContactSchema, item);

/**
 * How long a pending contact is kept after its latest request: its link or code's life and a day,
 * as for a pending consent; then TTL removes it. Confirming it (a put without the attribute) keeps it.
 */
const pendingKeptSeconds = (channel: Contact['channel']): number =>
  (channel === 'email' ? EMAIL_CONFIRMATION_DAYS * 86_400 : SMS_CODE_MINUTES * 60) + 86_400;

/** A contact as stored; exported for loading many at once with batch writes (the bench's setup). */
export const contactItem = (contact: Contact): Record<string, unknown> => ({
  ...contactKey(contact.id),
  itemType: 'contact',
  ...contact,
  ...(contact.state === 'pending'
    ? { expiresAt: Math.floor(Date.parse(contact.requestedAt) / 1000) + pendingKeptSeconds(contact.channel) }
    : {}),
});

/**
 * Contacts: `CONTACT#<hash>` / `CONTACT`. An address that asked to be erased keeps only
 * `CONTACT#<hash>` / `SUPPRESSED`; everything else in its partition is deleted.
 */
export class DynamoContactStore implements ContactStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  /** Queued digest entries name the address: erasing it drops them. */
  readonly #digests: DynamoDigestQueue;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
    this.#digests = new DynamoDigestQueue(client, tableName);
  }

  async get(id: string): Promise<Contact | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: contactKey(id), ConsistentRead: true }),
    );
    return Item ? parseStoredItem(storedContactSchema, Item) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Contact>> {
    const items = await batchGetAll(this.#client, this.#tableName, ids.map(contactKey));
    return new Map(
      items.map((item) => parseStoredItem(storedContactSchema, item)).map((contact) => [contact.id, contact]),
    );
  }

  async put(contact: Contact, previous?: Contact): Promise<void> {
    await putIfUnchanged(this.#client, this.#tableName, contactItem(contact), previous, 'contact');
  }

  async remove(contact: Contact): Promise<void> {
    try {
      await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: contactKey(contact.id),
          ConditionExpression: 'updatedAt = :seen',
          ExpressionAttributeValues: { ':seen': contact.updatedAt },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw conflict('contact-changed', 'The contact was changed by another request meanwhile; try again');
      throw error;
    }
    await this.#digests.removeContact(contact.id);
  }

  async erase(id: string): Promise<void> {
    const keys = await queryAll(this.#client, {
      TableName: this.#tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': contactPartition(id) },
      ProjectionExpression: 'PK, SK',
      ConsistentRead: true,
    });
    await batchWriteAll(
      this.#client,
      this.#tableName,
      keys.filter(({ SK }) => SK !== SUPPRESSED_SK).map((Key) => ({ DeleteRequest: { Key } })),
    );
    await this.#digests.removeContact(id);
  }

  async suppress(id: string, at: string): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#tableName,
        Item: { PK: contactPartition(id), SK: SUPPRESSED_SK, itemType: 'suppression', at },
      }),
    );
  }

  async unsuppress(id: string): Promise<void> {
    await this.#client.send(
      new DeleteCommand({ TableName: this.#tableName, Key: { PK: contactPartition(id), SK: SUPPRESSED_SK } }),
    );
  }

  async isSuppressed(id: string): Promise<boolean> {
    const { Item } = await this.#client.send(
      new GetCommand({
        TableName: this.#tableName,
        Key: { PK: contactPartition(id), SK: SUPPRESSED_SK },
        ProjectionExpression: 'PK',
        ConsistentRead: true,
      }),
    );
    return Item !== undefined;
  }
}
