import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CheckerMemory } from '../../core/checks/deadline-events.ts';
import type { CheckerMemoryStore } from '../../core/ports/stores.ts';
import type { IsoDate } from '../../core/time/calendar-date.ts';
import { queryAll } from './query-all.ts';

const PARTITION = 'CHECKER';
/** The latest day any run has checked; runs for earlier days then announce nothing. */
const WATERMARK = 'WATERMARK';

const toArray = <T>(value: unknown): T[] => (value instanceof Set ? [...(value as Set<T>)] : []);

/**
 * The deadline checker's memory: `CHECKER` / `MEMORY#<obligation>#<dueDate>`, with string and
 * number sets that only ever grow (ADD), so two runs at once merge instead of overwriting; and
 * `CHECKER` / `WATERMARK`, the latest day checked, which only moves forward.
 */
export class DynamoCheckerMemoryStore implements CheckerMemoryStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  /** One Query: the memory items and the watermark share the partition. */
  async load(): Promise<{ readonly memory: CheckerMemory[]; readonly checkedThrough?: IsoDate }> {
    const items = await queryAll(this.#client, {
      TableName: this.#tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': PARTITION },
    });
    const watermark = items.find((item) => item.SK === WATERMARK);
    const memory = items
      .filter((item) => item.SK !== WATERMARK)
      .map((item) => ({
        obligationId: String(item.obligationId),
        dueDate: String(item.dueDate) as IsoDate,
        approaching: toArray<number>(item.approaching),
        overdue: toArray<string>(item.overdue),
        passed: item.passed === true,
      }));
    return {
      memory,
      ...(typeof watermark?.checkedThrough === 'string' ? { checkedThrough: watermark.checkedThrough as IsoDate } : {}),
    };
  }

  async remember(updates: readonly CheckerMemory[], checkedThrough?: IsoDate): Promise<void> {
    await Promise.all([
      ...updates.map((memory) => this.#remember(memory)),
      ...(checkedThrough === undefined ? [] : [this.#advanceWatermark(checkedThrough)]),
    ]);
  }

  async #advanceWatermark(checkedThrough: IsoDate): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { PK: PARTITION, SK: WATERMARK },
          UpdateExpression: 'SET itemType = :itemType, checkedThrough = :day',
          ConditionExpression: 'attribute_not_exists(checkedThrough) OR checkedThrough < :day',
          ExpressionAttributeValues: { ':itemType': 'checker-memory', ':day': checkedThrough },
        }),
      );
    } catch (error) {
      // A run for a later day got there first: the watermark is already past this one.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async #remember(memory: CheckerMemory): Promise<void> {
    // DynamoDB sets cannot be empty, so only non-empty ones are added.
    const added: Record<string, Set<number> | Set<string>> = {};
    if (memory.approaching.length > 0) added.approaching = new Set(memory.approaching);
    if (memory.overdue.length > 0) added.overdue = new Set(memory.overdue);
    const setClause = [
      'itemType = :itemType',
      'obligationId = :obligationId',
      'dueDate = :dueDate',
      ...(memory.passed ? ['passed = :passed'] : []),
    ];
    const addClause = Object.keys(added).map((name) => `${name} :${name}`);
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#tableName,
        Key: { PK: PARTITION, SK: `MEMORY#${memory.obligationId}#${memory.dueDate}` },
        UpdateExpression: `SET ${setClause.join(', ')}${addClause.length > 0 ? ` ADD ${addClause.join(', ')}` : ''}`,
        ExpressionAttributeValues: {
          ':itemType': 'checker-memory',
          ':obligationId': memory.obligationId,
          ':dueDate': memory.dueDate,
          ...(memory.passed ? { ':passed': true } : {}),
          ...Object.fromEntries(Object.entries(added).map(([name, values]) => [`:${name}`, values])),
        },
      }),
    );
  }
}
