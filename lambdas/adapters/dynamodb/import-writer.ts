import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Figure } from '../../core/figures/figure.ts';
import { storedFigureSchema } from '../../core/figures/figure-schema.ts';
import type { RecordedFacts } from '../../core/imports/plan-import.ts';
import { mapWithConcurrency } from '../../core/map-with-concurrency.ts';
import type { ImportStore } from '../../core/ports/import-store.ts';
import type { Report } from '../../core/reports/report.ts';
import { storedReportSchema } from '../../core/reports/report-schema.ts';
import { batchWriteAll } from './batch-write.ts';
import { putIfAbsent } from './put-if-absent.ts';
import { queryAll } from './query-all.ts';
import {
  figureHistoryItem,
  latestFigureItem,
  notReplacingNewer,
  reportItem,
  statePartition,
} from './state-record-items.ts';
import { parseStoredItem } from './stored-item.ts';

/** Requests in flight at once: enough to be quick, few enough that a 20,000-row import does not throttle itself. */
const CONCURRENCY = 8;

/**
 * The bulk import's reads and writes, with the items `DynamoStateRecords` writes:
 * - reads one Query per state partition (its reports, figure history and latest figures: what an
 *   import compares its rows with);
 * - writes each report with a conditional Put (a report is never overwritten, even by an import),
 *   the figures' history entries with BatchWriteItem (25 a request, unprocessed items retried;
 *   their keys hold `recordedAt`, so they never overwrite anything), and only then the latest
 *   items, each a Put conditioned on no later `asOf` being stored. BatchWriteItem takes no
 *   conditions, hence the single Puts for what needs one; the history goes first so that change
 *   detection, seeing a new latest item, finds the older figures it compares with.
 * A latest Put whose condition fails lost to a newer figure recorded meanwhile, which stays the latest.
 */
export class DynamoImportStore implements ImportStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async recordedFor(states: readonly string[]): Promise<RecordedFacts> {
    const partitions = await mapWithConcurrency(states, CONCURRENCY, (state) =>
      queryAll(this.#client, {
        TableName: this.#tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': statePartition(state) },
      }),
    );
    const items = partitions.flat();
    const ofType = (itemType: string) => items.filter((item) => item.itemType === itemType);
    return {
      reports: ofType('report').map((item) => parseStoredItem(storedReportSchema, item)),
      figures: ofType('figure').map((item) => parseStoredItem(storedFigureSchema, item)),
      latest: ofType('figure-latest').map((item) => parseStoredItem(storedFigureSchema, item)),
    };
  }

  async write(batch: {
    readonly reports: readonly Report[];
    readonly figures: readonly Figure[];
    readonly latest: readonly Figure[];
  }) {
    const [reportsWritten] = await Promise.all([
      mapWithConcurrency(batch.reports, CONCURRENCY, (report) =>
        putIfAbsent(this.#client, this.#tableName, reportItem(report)),
      ),
      batchWriteAll(
        this.#client,
        this.#tableName,
        batch.figures.map((figure) => ({ PutRequest: { Item: figureHistoryItem(figure) } })),
      ),
    ]);
    const latestWritten = await mapWithConcurrency(batch.latest, CONCURRENCY, (figure) => this.#putLatest(figure));
    return {
      reportsTaken: batch.reports.filter((_, index) => !reportsWritten[index]),
      latestWritten: latestWritten.filter(Boolean).length,
    };
  }

  async #putLatest(figure: Figure): Promise<boolean> {
    try {
      await this.#client.send(
        new PutCommand({ TableName: this.#tableName, Item: latestFigureItem(figure), ...notReplacingNewer(figure) }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
