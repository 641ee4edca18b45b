import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { Consent, ConsentKey } from '../../core/contacts/consent.ts';
import type { ConsentStore } from '../../core/ports/stores.ts';
import { batchGetAll } from './batch-get.ts';
import { batchWriteAll } from './batch-write.ts';
import { contactPartition } from './contact-key.ts';
import { putIfUnchanged } from './put-if-unchanged.ts';
import { queryAll } from './query-all.ts';
import { parseStoredItem } from './stored-item.ts';

const storedConsentSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    contact: z.string(),
    owner: z.string(),
    state: z.enum(['pending', 'confirmed']),
    requestedAt: z.string(),
    confirmBy: z.optional(z.string()),
    verification: z.optional(z.object({ codeHash: z.string(), attemptsLeft: z.number() })),
    updatedAt: z.string(),
  }),
);

const CONSENT_PREFIX = 'CONSENT#';

/** A pending consent outlives its link or code by a day, so its owner can still be told it expired; then TTL removes it. */
const PENDING_KEPT_SECONDS = 24 * 60 * 60;

const consentKey = ({ contact, owner }: ConsentKey) => ({
  PK: contactPartition(contact),
  SK: `${CONSENT_PREFIX}${owner}`,
});

/** Consents: `CONTACT#<hash>` / `CONSENT#<owner>`, beside the contact they belong to; a pending one expires by TTL. */
export class DynamoConsentStore implements ConsentStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async get(key: ConsentKey): Promise<Consent | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: consentKey(key), ConsistentRead: true }),
    );
    return Item ? parseStoredItem(storedConsentSchema, Item) : undefined;
  }

  async getMany(keys: readonly ConsentKey[]): Promise<Consent[]> {
    const items = await batchGetAll(this.#client, this.#tableName, keys.map(consentKey));
    return items.map((item) => parseStoredItem(storedConsentSchema, item));
  }

  async put(consent: Consent, previous?: Consent): Promise<void> {
    const item = {
      ...consentKey(consent),
      itemType: 'consent',
      ...consent,
      ...(consent.state === 'pending' && consent.confirmBy !== undefined
        ? { expiresAt: Math.floor(Date.parse(consent.confirmBy) / 1000) + PENDING_KEPT_SECONDS }
        : {}),
    };
    await putIfUnchanged(this.#client, this.#tableName, item, previous, 'consent');
  }

  async remove(consent: Consent): Promise<void> {
    try {
      await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: consentKey(consent),
          ConditionExpression: 'updatedAt = :seen',
          ExpressionAttributeValues: { ':seen': consent.updatedAt },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async delete(key: ConsentKey): Promise<void> {
    await this.#client.send(new DeleteCommand({ TableName: this.#tableName, Key: consentKey(key) }));
  }

  async deleteAll(contact: string): Promise<Consent[]> {
    const items = await queryAll(this.#client, {
      TableName: this.#tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :consent)',
      ExpressionAttributeValues: { ':pk': contactPartition(contact), ':consent': CONSENT_PREFIX },
      ConsistentRead: true,
    });
    await batchWriteAll(
      this.#client,
      this.#tableName,
      items.map(({ PK, SK }) => ({ DeleteRequest: { Key: { PK, SK } } })),
    );
    return items.map((item) => parseStoredItem(storedConsentSchema, item));
  }
}
