import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { Contact } from '../../core/contacts/contact.ts';
import type { ContactStore } from '../../core/ports/stores.ts';
import { batchGetAll } from './batch-get.ts';
import { contactPartition } from './contact-key.ts';
import { putIfUnchanged } from './put-if-unchanged.ts';
import { parseStoredItem } from './stored-item.ts';

const storedContactSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    channel: z.enum(['email', 'sms']),
    to: z.string(),
    state: z.enum(['pending', 'confirmed', 'gone', 'opted-out']),
    requestedAt: z.string(),
    updatedAt: z.string(),
  }),
);

export const contactKey = (id: string) => ({ PK: contactPartition(id), SK: 'CONTACT' });

/** A stored contact item read back. */
export const parseContactItem = (item: Record<string, unknown>): Contact => parseStoredItem(storedContactSchema, item);

/** A contact as stored; exported for loading many at once with batch writes (the bench's setup). */
export const contactItem = (contact: Contact): Record<string, unknown> => ({
  ...contactKey(contact.id),
  itemType: 'contact',
  ...contact,
});

/** Contacts: `CONTACT#<hash>` / `CONTACT`. */
export class DynamoContactStore implements ContactStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
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
}
