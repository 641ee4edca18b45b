import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { alertEventTypes } from '../../core/alerts/alert-event.ts';
import type { SignupStore } from '../../core/ports/stores.ts';
import type { Signup } from '../../core/subscriptions/signup.ts';
import { contactPartition } from './contact-key.ts';
import { parseStoredItem } from './stored-item.ts';

const storedSignupSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    contact: z.string(),
    channel: z.union([z.object({ email: z.string() }), z.object({ sms: z.string() })]),
    target: z.object({
      states: z.optional(z.array(z.string())),
      groups: z.optional(z.array(z.string())),
      all: z.optional(z.literal(true)),
    }),
    events: z.array(z.enum(alertEventTypes)),
    requestedAt: z.string(),
    confirmBy: z.string(),
  }),
);

/** An unconfirmed sign-up outlives its link or code by a day, as a pending consent does; then TTL removes it. */
const KEPT_SECONDS = 24 * 60 * 60;

const signupKey = (contact: string) => ({ PK: contactPartition(contact), SK: 'SIGNUP' });

/**
 * Public sign-ups: `CONTACT#<hash>` / `SIGNUP`, beside the contact, so erasing the address
 * (everything under its partition) erases its sign-up too.
 */
export class DynamoSignupStore implements SignupStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async get(contact: string): Promise<Signup | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: signupKey(contact), ConsistentRead: true }),
    );
    return Item ? parseStoredItem(storedSignupSchema, Item) : undefined;
  }

  async put(signup: Signup): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#tableName,
        Item: {
          ...signupKey(signup.contact),
          itemType: 'signup',
          ...signup,
          expiresAt: Math.floor(Date.parse(signup.confirmBy) / 1000) + KEPT_SECONDS,
        },
      }),
    );
  }

  async delete(contact: string): Promise<void> {
    await this.#client.send(new DeleteCommand({ TableName: this.#tableName, Key: signupKey(contact) }));
  }
}
