import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type AlertEvent, alertEventTypes, type WavedAlertEvent } from '../../core/alerts/alert-event.ts';
import { storedAlertEventSchema } from '../../core/alerts/alert-event-schema.ts';
import type { AlertEventStore, AlertQuery } from '../../core/ports/stores.ts';
import { alertEventKey } from './alert-event-key.ts';
import { batchGetAll } from './batch-get.ts';
import { putEachIfAbsent } from './puts-if-absent.ts';
import { queryAll } from './query-all.ts';
import { parseStoredItem } from './stored-item.ts';

const byState = (state: string) => `ALERTS#STATE#${state}`;
const byType = (type: string) => `ALERTS#TYPE#${type}`;
const byWave = (waveId: string) => `WAVE#${waveId}`;
/** Sort key on both indexes: time first, so a range on it is a time window. */
const timeKey = (event: Pick<AlertEvent, 'at' | 'id'>) => `${event.at}#${event.id}`;

/**
 * Alert events: `EVENT#<id>` where the id is derived from the dedup key, so a conditional put is
 * the exactly-once gate. GSI1 finds a state's events by time, GSI2 a type's, GSI3 a wave's.
 */
export class DynamoAlertEventStore implements AlertEventStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async getMany(ids: readonly string[]): Promise<AlertEvent[]> {
    const items = await batchGetAll(this.#client, this.#tableName, ids.map(alertEventKey));
    return items.map((item) => parseStoredItem(storedAlertEventSchema, item));
  }

  async listWave(waveId: string): Promise<WavedAlertEvent[]> {
    const items = await queryAll(this.#client, {
      TableName: this.#tableName,
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': byWave(waveId) },
    });
    return items.map((item) => ({ ...parseStoredItem(storedAlertEventSchema, item), waveId }));
  }

  /** The event's item, written only if no event with its id (its dedup key's) is stored. */
  #putIfAbsent(event: WavedAlertEvent) {
    return {
      TableName: this.#tableName,
      Item: {
        PK: `EVENT#${event.id}`,
        SK: 'EVENT',
        itemType: 'alert-event',
        ...(event.state ? { GSI1PK: byState(event.state), GSI1SK: timeKey(event) } : {}),
        GSI2PK: byType(event.type),
        GSI2SK: timeKey(event),
        GSI3PK: byWave(event.waveId),
        GSI3SK: event.id,
        ...event,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    };
  }

  async putIfAbsent(event: WavedAlertEvent): Promise<boolean> {
    const [written = false] = await putEachIfAbsent(this.#client, [this.#putIfAbsent(event)]);
    return written;
  }

  async putManyIfAbsent(events: readonly WavedAlertEvent[]): Promise<WavedAlertEvent[]> {
    // One transaction may not write an item twice: an event given twice is stored (and new) once.
    const seen = new Set<string>();
    const distinct = events.filter(({ id }) => !seen.has(id) && Boolean(seen.add(id)));
    const written = await putEachIfAbsent(
      this.#client,
      distinct.map((event) => this.#putIfAbsent(event)),
    );
    return distinct.filter((_, index) => written[index]);
  }

  async list(query: AlertQuery): Promise<{ readonly events: AlertEvent[]; readonly next?: string }> {
    const types = query.type ? [query.type] : (query.types ?? alertEventTypes);
    const lanes = query.state
      ? [
          {
            index: 'GSI1',
            partition: byState(query.state),
            filterTypes: types.length === alertEventTypes.length ? undefined : types,
          },
        ]
      : types.map((type) => ({ index: 'GSI2', partition: byType(type), filterTypes: undefined }));
    const pages = await Promise.all(lanes.map((lane) => this.#readLane(lane, query)));
    const events = pages
      .flat()
      .sort((a, b) => timeKey(a).localeCompare(timeKey(b)))
      .slice(0, query.limit);
    // A full page may have more behind it; the cursor is the last event's sort key.
    const last = events.at(-1);
    return { events, ...(events.length === query.limit && last ? { next: timeKey(last) } : {}) };
  }

  /** Up to `limit` events of one index partition after the cursor (or since `since`), oldest first. */
  async #readLane(
    lane: { index: string; partition: string; filterTypes: readonly string[] | undefined },
    query: AlertQuery,
  ): Promise<AlertEvent[]> {
    const pk = `${lane.index}PK`;
    const sk = `${lane.index}SK`;
    const [condition, bound] = query.after
      ? [`${sk} > :bound`, query.after]
      : query.since
        ? [`${sk} >= :bound`, query.since]
        : [undefined, undefined];
    const events: AlertEvent[] = [];
    let ExclusiveStartKey: QueryCommandInput['ExclusiveStartKey'];
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#tableName,
          IndexName: lane.index,
          KeyConditionExpression: `${pk} = :pk${condition ? ` AND ${condition}` : ''}`,
          ...(lane.filterTypes
            ? {
                FilterExpression: `#type IN (${lane.filterTypes.map((_, i) => `:type${i}`).join(', ')})`,
                ExpressionAttributeNames: { '#type': 'type' },
              }
            : {}),
          ExpressionAttributeValues: {
            ':pk': lane.partition,
            ...(bound === undefined ? {} : { ':bound': bound }),
            ...Object.fromEntries((lane.filterTypes ?? []).map((type, i) => [`:type${i}`, type])),
          },
          Limit: query.limit,
          ExclusiveStartKey,
        }),
      );
      events.push(...(page.Items ?? []).map((item) => parseStoredItem(storedAlertEventSchema, item)));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey && events.length < query.limit);
    return events.slice(0, query.limit);
  }
}
