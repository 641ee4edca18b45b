import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { queryAll } from './query-all.ts';
import { parseStoredItem, putIfAbsent, type ItemType } from './stored-item.ts';

/**
 * A small catalogue kept in one partition (`PK = <partition>`, `SK = <partition>#<id>`): listed
 * with one Query, read with one GetItem, written only where the id is free.
 */
export class CataloguePartition<T extends { readonly id: string }> {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #partition: string;
  readonly #itemType: ItemType;
  readonly #schema: z.ZodMiniType<T>;

  constructor(
    client: DynamoDBDocumentClient,
    tableName: string,
    layout: { readonly partition: string; readonly itemType: ItemType; readonly schema: z.ZodMiniType<T> },
  ) {
    this.#client = client;
    this.#tableName = tableName;
    this.#partition = layout.partition;
    this.#itemType = layout.itemType;
    this.#schema = layout.schema;
  }

  #key(id: string) {
    return { PK: this.#partition, SK: `${this.#partition}#${id}` };
  }

  async list(): Promise<T[]> {
    const items = await queryAll(this.#client, {
      TableName: this.#tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': this.#partition },
    });
    return items.map((item) => parseStoredItem(this.#schema, item));
  }

  async get(id: string): Promise<T | undefined> {
    const { Item } = await this.#client.send(new GetCommand({ TableName: this.#tableName, Key: this.#key(id) }));
    return Item ? parseStoredItem(this.#schema, Item) : undefined;
  }

  /** Stores the value unless its id is taken; reports whether it was written. */
  async putIfAbsent(value: T): Promise<boolean> {
    const stored = this.#schema.parse(value);
    return putIfAbsent(this.#client, this.#tableName, { ...this.#key(value.id), itemType: this.#itemType, ...stored });
  }
}
