import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CheckerMemory } from '../../core/checks/deadline-events.ts';
import type { CheckerMemoryStore } from '../../core/ports.ts';
import type { IsoDate } from '../../core/time/calendar-date.ts';
import { queryAll } from './query-all.ts';

const PARTITION = 'CHECKER';

const toArray = <T>(value: unknown): T[] => (value instanceof Set ? [...(value as Set<T>)] : []);

/**
 * The deadline checker's memory: `CHECKER` / `MEMORY#<obligation>#<dueDate>`, with string and
 * number sets that only ever grow (ADD), so two runs at once merge instead of overwriting.
 */
export class DynamoCheckerMemoryStore implements CheckerMemoryStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async list(): Promise<CheckerMemory[]> {
    const items = await queryAll(this.#client, {
      TableName: this.#tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': PARTITION },
    });
    return items.map((item) => ({
      obligationId: String(item.obligationId),
      dueDate: String(item.dueDate) as IsoDate,
      approaching: toArray<number>(item.approaching),
      overdue: toArray<string>(item.overdue),
      passed: item.passed === true,
    }));
  }

  async remember(updates: readonly CheckerMemory[]): Promise<void> {
    await Promise.all(updates.map((memory) => this.#remember(memory)));
  }

  async #remember(memory: CheckerMemory): Promise<void> {
    // DynamoDB sets cannot be empty, so only non-empty ones are added.
    const added: Record<string, Set<number> | Set<string>> = {};
    if (memory.approaching.length > 0) added.approaching = new Set(memory.approaching);
    if (memory.overdue.length > 0) added.overdue = new Set(memory.overdue);
    const setClause = ['itemType = :itemType', 'obligationId = :obligationId', 'dueDate = :dueDate', ...(memory.passed ? ['passed = :passed'] : [])];
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
