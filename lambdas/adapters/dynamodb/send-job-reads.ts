import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { storedAlertEventSchema } from '../../core/alerts/alert-event-schema.ts';
import type { SendJobReads } from '../../core/ports/delivery-pipeline.ts';
import { alertEventKey } from './alert-event-key.ts';
import { batchGetAll } from './batch-get.ts';
import { contactItemKeyOf, parseContactItem } from './contact-repository.ts';
import { parseStoredItem } from './stored-item.ts';

/**
 * The contact and the job's events in one BatchGetItem (more only past 99 events): one request a
 * message fewer than a GetItem and a BatchGetItem. Eventually consistent, as the events always
 * were: a strongly consistent batch would double the events' read units (docs/scaling.md sizes the
 * table on them). The contact's state may then miss a change of the last moments, which a send a
 * moment earlier would have missed too; its watches were active when the wave was planned.
 */
export class DynamoSendJobReads implements SendJobReads {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async contactAndEvents(key: string, eventIds: readonly string[]) {
    const contactItemKey = contactItemKeyOf(key);
    const items = await batchGetAll(this.#client, this.#tableName, [contactItemKey, ...eventIds.map(alertEventKey)]);
    const contactItem = items.find(({ PK, SK }) => PK === contactItemKey.PK && SK === contactItemKey.SK);
    return {
      ...(contactItem === undefined ? {} : { contact: parseContactItem(contactItem) }),
      events: items.filter((item) => item !== contactItem).map((item) => parseStoredItem(storedAlertEventSchema, item)),
    };
  }
}
