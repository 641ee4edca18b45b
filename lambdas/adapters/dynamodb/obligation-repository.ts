import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../../core/errors.ts';
import type { Obligation } from '../../core/obligations/obligation.ts';
import { obligationSchema } from '../../core/obligations/obligation-schema.ts';
import type { ObligationCatalogue } from '../../core/ports.ts';
import { CataloguePartition } from './catalogue-partition.ts';

/** The obligations catalogue: partition `OBLIGATION`, one item per obligation. */
export class DynamoObligationCatalogue implements ObligationCatalogue {
  readonly #items: CataloguePartition<Obligation>;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#items = new CataloguePartition(client, tableName, {
      partition: 'OBLIGATION',
      itemType: 'obligation',
      schema: obligationSchema,
    });
  }

  list(): Promise<Obligation[]> {
    return this.#items.list();
  }

  get(id: string): Promise<Obligation | undefined> {
    return this.#items.get(id);
  }

  async create(obligation: Obligation): Promise<void> {
    if ((await this.ensure(obligation)) === 'exists') {
      throw conflict('obligation-exists', `Obligation "${obligation.id}" already exists`, 'id');
    }
  }

  async ensure(obligation: Obligation): Promise<'created' | 'exists'> {
    return (await this.#items.putIfAbsent(obligation)) ? 'created' : 'exists';
  }
}
