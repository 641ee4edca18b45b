import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../../core/errors.ts';
import type { CustomGroupStore } from '../../core/ports.ts';
import { customGroupSchema } from '../../core/reference/group-schema.ts';
import type { Group } from '../../core/reference/groups.ts';
import { CataloguePartition } from './catalogue-partition.ts';

/** Admin-defined groups: partition `GROUP`, one item per group with its members on it. */
export class DynamoCustomGroupStore implements CustomGroupStore {
  readonly #items: CataloguePartition<Group>;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#items = new CataloguePartition<Group>(client, tableName, {
      partition: 'GROUP',
      itemType: 'group',
      schema: customGroupSchema,
    });
  }

  list(): Promise<Group[]> {
    return this.#items.list();
  }

  get(id: string): Promise<Group | undefined> {
    return this.#items.get(id);
  }

  async create(group: Group): Promise<void> {
    if (!(await this.#items.putIfAbsent(group))) {
      throw conflict('group-exists', `Group "${group.id}" already exists`, 'id');
    }
  }
}
