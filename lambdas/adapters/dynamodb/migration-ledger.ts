import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { MigrationProgress } from '../../core/migrations/migration.ts';
import type { MigrationLedger } from '../../core/ports/migrations.ts';
import { parseStoredItem } from './stored-item.ts';

const storedProgressSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    status: z.enum(['running', 'done']),
    next: z.optional(z.string()),
    scanned: z.number(),
    changed: z.number(),
    startedAt: z.string(),
    updatedAt: z.string(),
  }),
);

const migrationKey = (id: string) => ({ PK: `MIGRATION#${id}`, SK: 'MIGRATION' });

/** `MIGRATION#<id>` / `MIGRATION`: one record per migration, rewritten after each of its pages. */
export class DynamoMigrationLedger implements MigrationLedger {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async get(id: string): Promise<MigrationProgress | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: migrationKey(id), ConsistentRead: true }),
    );
    return Item ? parseStoredItem(storedProgressSchema, Item) : undefined;
  }

  async save(progress: MigrationProgress): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#tableName,
        Item: { ...migrationKey(progress.id), itemType: 'migration', ...progress },
      }),
    );
  }
}
