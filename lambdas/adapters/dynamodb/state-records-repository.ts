import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  PutCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { conflict } from '../../core/errors.ts';
import type { Figure } from '../../core/figures/figure.ts';
import { storedFigureSchema } from '../../core/figures/figure-schema.ts';
import type { Trigger } from '../../core/obligations/trigger.ts';
import { storedTriggerSchema } from '../../core/obligations/trigger-schema.ts';
import type { StateRecords } from '../../core/ports/stores.ts';
import type { Report } from '../../core/reports/report.ts';
import { storedReportSchema } from '../../core/reports/report-schema.ts';
import { queryAll } from './query-all.ts';
import {
  figureHistoryItem,
  latestFigureItem,
  latestIndexPartition,
  latestKey,
  notReplacingNewer,
  REPORT_INDEX_PARTITION,
  reportItem,
  statePartition,
} from './state-record-items.ts';
import { type ItemKey, parseStoredItem } from './stored-item.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** GSI1 partition that lists every conditional duty's trigger, for the board and checker. */
const TRIGGER_INDEX_PARTITION = 'TRIGGER';
/** A figure write races another only this often before we give up and let the caller retry. */
const MAX_ATTEMPTS = 3;

/**
 * Reports and figures, kept in each state's partition:
 * - `REPORT#<obligation>#<reportDate>`: a report (also on GSI1 `REPORT`, for the board and checker);
 * - `FIGURE#<metric>#<asOf>#<recordedAt>`: every figure ever recorded (the history);
 * - `LATEST#<metric>`: the figure with the latest `asOf` (also on GSI1 `LATEST#<metric>`);
 * - `TRIGGER#<obligation>`: the day a conditional duty's event happened (also on GSI1 `TRIGGER`).
 * Writes go in one transaction, so a report never lands without its figures or the reverse.
 */
export class DynamoStateRecords implements StateRecords {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  recordReport(report: Report, figures: readonly Figure[]): Promise<{ readonly latest: readonly boolean[] }> {
    const reportPut: TransactItem = {
      Put: {
        TableName: this.#tableName,
        Item: reportItem(report),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
    return this.#writeFigures(figures, [reportPut], () =>
      conflict(
        'report-exists',
        `${report.state} already has a report on ${report.obligationId} dated ${report.reportDate}`,
        'reportDate',
      ),
    );
  }

  recordFigures(figures: readonly Figure[]): Promise<{ readonly latest: readonly boolean[] }> {
    return this.#writeFigures(figures, [], undefined);
  }

  /**
   * Writes the figures' history items and, where a figure is newer than the stored latest, the
   * latest item, conditioned on nothing newer having arrived since it was read. A lost race is
   * retried with a fresh read; a failed condition on one of `leading` is the caller's conflict.
   */
  async #writeFigures(
    figures: readonly Figure[],
    leading: readonly TransactItem[],
    leadingConflict: (() => Error) | undefined,
  ): Promise<{ readonly latest: readonly boolean[] }> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.#currentLatest(figures);
      const winners = newestPerMetric(figures, current);
      const transactItems: TransactItem[] = [
        ...leading,
        ...figures.map((figure) => ({ Put: { TableName: this.#tableName, Item: figureHistoryItem(figure) } })),
        ...[...winners.values()].map((figure) => ({
          Put: { TableName: this.#tableName, Item: latestFigureItem(figure), ...notReplacingNewer(figure) },
        })),
      ];
      try {
        await this.#client.send(new TransactWriteCommand({ TransactItems: transactItems }));
        return { latest: figures.map((figure) => winners.get(metricKey(figure)) === figure) };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const failedLeading = reasons
          .slice(0, leading.length)
          .some((reason) => reason.Code === 'ConditionalCheckFailed');
        if (failedLeading && leadingConflict) throw leadingConflict();
        // A newer latest arrived since the read, or another transaction held an item: read again and retry.
        const lostRace = reasons.some(
          (reason, index) =>
            reason.Code === 'TransactionConflict' ||
            (index >= leading.length && reason.Code === 'ConditionalCheckFailed'),
        );
        if (!lostRace || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** The stored latest `asOf` per state and metric that the figures touch. */
  async #currentLatest(figures: readonly Figure[]): Promise<Map<string, string>> {
    const keys = [...new Map(figures.map((f) => [metricKey(f), latestKey(f.state, f.metric)])).values()];
    const metricOfKey = new Map(figures.map((f) => [itemKeyId(latestKey(f.state, f.metric)), metricKey(f)]));
    const found = new Map<string, string>();
    if (keys.length === 0) return found;
    let pending: Record<string, unknown>[] | undefined = keys.map((key) => ({ ...key }));
    while (pending && pending.length > 0) {
      const response: BatchGetCommandOutput = await this.#client.send(
        new BatchGetCommand({
          RequestItems: { [this.#tableName]: { Keys: pending, ProjectionExpression: 'PK, SK, asOf' } },
        }),
      );
      for (const item of response.Responses?.[this.#tableName] ?? []) {
        const key = metricOfKey.get(itemKeyId({ PK: String(item.PK), SK: String(item.SK) }));
        if (key !== undefined) found.set(key, String(item.asOf));
      }
      pending = response.UnprocessedKeys?.[this.#tableName]?.Keys;
    }
    return found;
  }

  async reportsOf(state: string): Promise<Report[]> {
    return this.#queryParsed(storedReportSchema, this.#partitionPrefix(state, 'REPORT#'));
  }

  async latestFiguresOf(state: string): Promise<Figure[]> {
    return this.#queryParsed(storedFigureSchema, this.#partitionPrefix(state, 'LATEST#'));
  }

  async figureHistory(state: string, metric: string): Promise<Figure[]> {
    return this.#queryParsed(storedFigureSchema, {
      ...this.#partitionPrefix(state, `FIGURE#${metric}#`),
      ScanIndexForward: false,
    });
  }

  async allReports(): Promise<Report[]> {
    return this.#queryParsed(storedReportSchema, {
      TableName: this.#tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': REPORT_INDEX_PARTITION },
    });
  }

  async recordTrigger(trigger: Trigger): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#tableName,
        Item: {
          PK: statePartition(trigger.state),
          SK: `TRIGGER#${trigger.obligationId}`,
          itemType: 'trigger',
          GSI1PK: TRIGGER_INDEX_PARTITION,
          GSI1SK: `${trigger.obligationId}#${trigger.state}`,
          ...storedTriggerSchema.parse(trigger),
        },
      }),
    );
  }

  async allTriggers(): Promise<Trigger[]> {
    return this.#queryParsed(storedTriggerSchema, {
      TableName: this.#tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': TRIGGER_INDEX_PARTITION },
    });
  }

  async latestFiguresFor(metric: string): Promise<Figure[]> {
    return this.#queryParsed(storedFigureSchema, {
      TableName: this.#tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': latestIndexPartition(metric) },
    });
  }

  #partitionPrefix(state: string, prefix: string): QueryCommandInput {
    return {
      TableName: this.#tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': statePartition(state), ':prefix': prefix },
    };
  }

  async #queryParsed<T>(schema: z.ZodMiniType<T>, input: QueryCommandInput): Promise<T[]> {
    return (await queryAll(this.#client, input)).map((item) => parseStoredItem(schema, item));
  }
}

const metricKey = (figure: Pick<Figure, 'state' | 'metric'>) => `${figure.state}|${figure.metric}`;
const itemKeyId = (key: ItemKey) => `${key.PK}|${key.SK}`;

/**
 * Per state and metric, the figure that becomes the latest: the one with the latest `asOf`
 * among those written now (the last one given wins a tie), if it is not older than the stored one.
 */
const newestPerMetric = (figures: readonly Figure[], storedAsOf: ReadonlyMap<string, string>): Map<string, Figure> => {
  const winners = new Map<string, Figure>();
  for (const figure of figures) {
    const key = metricKey(figure);
    const best = winners.get(key);
    if (best && best.asOf > figure.asOf) continue;
    const stored = storedAsOf.get(key);
    if (stored !== undefined && stored > figure.asOf) continue;
    winners.set(key, figure);
  }
  return winners;
};
