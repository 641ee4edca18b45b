import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { conflict } from '../../core/errors.ts';
import type { Catalogue } from '../../core/ports/stores.ts';
import { putIfAbsent } from './put-if-absent.ts';
import { queryAll } from './query-all.ts';
import { type ItemType, parseStoredItem } from './stored-item.ts';

export interface CatalogueLayout<T> {
  /** Partition key of the catalogue; items are `<partition>#<id>` inside it. */
  readonly partition: string;
  readonly itemType: ItemType;
  readonly schema: z.ZodMiniType<T>;
  /** What an item is called in a conflict message, e.g. "Obligation". */
  readonly noun: string;
}

/**
 * A small catalogue kept in one partition (`PK = <partition>`, `SK = <partition>#<id>`): listed
 * with one Query, read with one GetItem, written only where the id is free (or, by the seed, over
 * the item it completes).
 */
export class DynamoCatalogue<T extends { readonly id: string }> implements Catalogue<T> {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #layout: CatalogueLayout<T>;

  constructor(client: DynamoDBDocumentClient, tableName: string, layout: CatalogueLayout<T>) {
    this.#client = client;
    this.#tableName = tableName;
    this.#layout = layout;
  }

  #key(id: string) {
    return { PK: this.#layout.partition, SK: `${this.#layout.partition}#${id}` };
  }

  async list(): Promise<T[]> {
    const items = await queryAll(this.#client, {
      TableName: this.#tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': this.#layout.partition },
    });
    return items.map((item) => parseStoredItem(this.#layout.schema, item));
  }

  async get(id: string): Promise<T | undefined> {
    const { Item } = await this.#client.send(new GetCommand({ TableName: this.#tableName, Key: this.#key(id) }));
    return Item ? parseStoredItem(this.#layout.schema, Item) : undefined;
  }

  async create(item: T): Promise<void> {
    if ((await this.ensure(item)) === 'exists') {
      throw conflict(`${this.#layout.itemType}-exists`, `${this.#layout.noun} "${item.id}" already exists`, 'id');
    }
  }

  #item(item: T) {
    return { ...this.#key(item.id), itemType: this.#layout.itemType, ...this.#layout.schema.parse(item) };
  }

  async ensure(item: T): Promise<'created' | 'exists'> {
    return (await putIfAbsent(this.#client, this.#tableName, this.#item(item))) ? 'created' : 'exists';
  }

  async replace(item: T): Promise<void> {
    await this.#client.send(new PutCommand({ TableName: this.#tableName, Item: this.#item(item) }));
  }
}
