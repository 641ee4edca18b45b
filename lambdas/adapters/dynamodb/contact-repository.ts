import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { Contact } from '../../core/contacts/contact.ts';
import { conflict } from '../../core/errors.ts';
import type { ContactStore } from '../../core/ports/stores.ts';
import { batchGetAll } from './batch-get.ts';
import { contactPartition } from './contact-key.ts';
import { queryAll } from './query-all.ts';
import { parseStoredItem } from './stored-item.ts';

const storedContactSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    channel: z.enum(['email', 'sms']),
    to: z.string(),
    state: z.enum(['pending', 'confirmed', 'gone', 'opted-out']),
    address: z.optional(z.object({ topicArn: z.optional(z.string()), subscriptionArn: z.optional(z.string()) })),
    verification: z.optional(z.object({ codeHash: z.string(), attemptsLeft: z.number() })),
    requestedAt: z.string(),
    confirmBy: z.optional(z.string()),
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
  GSI1PK: `CONTACTS#${contact.state}`,
  GSI1SK: contact.id,
  ...contact,
});

/** Contacts: `CONTACT#<hash>` / `CONTACT`, on GSI1 by state so the reconciler finds the pending and confirmed ones. */
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
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: contactItem(contact),
          ...(previous
            ? { ConditionExpression: 'updatedAt = :seen', ExpressionAttributeValues: { ':seen': previous.updatedAt } }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw conflict('contact-changed', 'The address was changed by another request meanwhile; try again');
      throw error;
    }
  }

  async listByState(state: Contact['state']): Promise<Contact[]> {
    const items = await queryAll(this.#client, {
      TableName: this.#tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': `CONTACTS#${state}` },
    });
    return items.map((item) => parseStoredItem(storedContactSchema, item));
  }
}
