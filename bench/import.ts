import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { metricCatalogue, obligationCatalogue, recordingCatalogues } from '../lambdas/adapters/dynamodb/catalogues.ts';
import { ensureTable } from '../lambdas/adapters/dynamodb/create-table.ts';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/document-client.ts';
import { DynamoImportStore } from '../lambdas/adapters/dynamodb/import-writer.ts';
import { countRequests } from '../lambdas/adapters/dynamodb/request-counter.ts';
import { type ImportSummary, importRecords } from '../lambdas/core/imports/import-records.ts';
import { memberStates } from '../lambdas/core/reference/member-states.ts';
import { seedReferenceData } from '../lambdas/core/reference/seed-reference-data.ts';
import { addMonths, isoDate } from '../lambdas/core/time/calendar-date.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { measureConsumedCapacity } from './consumed-capacity.ts';
import { timeRequests } from './request-timer.ts';
import { type BenchRow, count, milliseconds, percentile } from './results-table.ts';

const ROWS = 10_000;
const METRICS = ['workers.remaining', 'workers.repatriated', 'work-permits.valid'] as const;
const TABLE = 'bench-import';

/**
 * 10,000 figure rows as an admin would upload them: every member state, three metrics, one figure
 * a month from January 2018 (193 × 3 × 18 = 10,422, cut at 10,000), in file order state by state.
 */
const figureRowsCsv = (): string => {
  const lines = ['kind,state,metric,value,asOf,sourceKind,sourceRef'];
  for (const state of memberStates()) {
    for (const [metricIndex, metric] of METRICS.entries()) {
      for (let month = 0; month < 18 && lines.length <= ROWS; month++) {
        lines.push(
          `figure,${state.alpha2},${metric},${1000 - month * 10 + metricIndex},${addMonths(isoDate('2018-01-31'), month)},un-report,bench`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
};

/** One import through the use case the handler runs, on a client that counts and times its requests and adds up the write units they consumed. */
const measuredImport = async (endpoint: string, csv: string, dryRun = false) => {
  const client = createDocumentClient(endpoint);
  const requests = countRequests(client);
  const timer = timeRequests(client);
  const capacity = measureConsumedCapacity(client);
  try {
    const started = performance.now();
    const outcome = await importRecords(
      { text: csv, format: 'csv', dryRun },
      {
        clock: { now: () => new Date() },
        ...recordingCatalogues(client, TABLE),
        importStore: new DynamoImportStore(client, TABLE),
      },
    );
    const ms = performance.now() - started;
    if (outcome.kind !== 'imported')
      throw new Error(`the bench's import was refused: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    return {
      ms,
      summary: outcome.summary,
      requests: requests.byOperation(),
      latency: timer.byOperation(),
      writeUnits: capacity.writeUnits(),
    };
  } finally {
    client.destroy();
  }
};

const operations = (byOperation: Readonly<Record<string, number>>): string =>
  Object.entries(byOperation)
    .map(([operation, n]) => `${operation.replace(/Command$/, '')} ${count(n)}`)
    .join(', ');

const latencies = (byOperation: ReadonlyMap<string, readonly number[]>): string =>
  [...byOperation].map(([operation, times]) => `${operation} ${milliseconds(percentile(times, 50))}`).join(', ');

const written = ({ written: { figures, latestFigures }, unchanged }: ImportSummary): string =>
  `${count(figures)} history items, ${count(latestFigures)} latest, ${count(unchanged)} unchanged`;

/**
 * Rows: an import of 10,000 figure rows into an empty table in DynamoDB Local (in memory), through
 * the use case `POST /imports` runs (parsing, validation, the reads, the writes); then the same
 * file again, which must write nothing.
 */
export const importRows = async (): Promise<BenchRow[]> => {
  const dynamoDb = await startDynamoDbLocal();
  try {
    const admin = new DynamoDBClient({
      endpoint: dynamoDb.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(admin, TABLE);
    admin.destroy();
    const setup = createDocumentClient(dynamoDb.endpoint);
    await seedReferenceData({ obligations: obligationCatalogue(setup, TABLE), metrics: metricCatalogue(setup, TABLE) });
    setup.destroy();

    const csv = figureRowsCsv();
    const check = await measuredImport(dynamoDb.endpoint, csv, true);
    const first = await measuredImport(dynamoDb.endpoint, csv);
    const again = await measuredImport(dynamoDb.endpoint, csv);
    const againWrites = Object.entries(again.requests).filter(([operation]) =>
      /Put|Write|Update|Delete/.test(operation),
    ).length;
    return [
      {
        what: `import ${count(ROWS)} figure rows (CSV, ${(csv.length / 1024).toFixed(0)} KB): checking alone (dry run: parse, validate, read)`,
        value: `${(check.ms / 1000).toFixed(1)} s; ${operations(check.requests)}`,
        target: '',
        baseline: '',
      },
      {
        what: `import ${count(ROWS)} figure rows: wall time`,
        value: `${(first.ms / 1000).toFixed(1)} s, ${count(Math.round((ROWS / first.ms) * 1000))} rows/s`,
        target: '',
        baseline: written(first.summary),
      },
      {
        what: `import ${count(ROWS)} figure rows: DynamoDB requests, p50 each`,
        value: `${operations(first.requests)}; ${latencies(first.latency)}`,
        target: '',
        baseline: '',
      },
      {
        what: `import ${count(ROWS)} figure rows: write units (ReturnConsumedCapacity)`,
        value: `${count(first.writeUnits)} WCU, ${(first.writeUnits / ROWS).toFixed(2)} per row`,
        target: '',
        baseline: 'a history item 1, a latest item 2 (with its GSI1 entry)',
      },
      {
        what: `the same ${count(ROWS)} rows imported again`,
        value: `${milliseconds(again.ms)}; ${written(again.summary)}; ${operations(again.requests)}`,
        target: 'no writes',
        baseline: '',
        meetsTarget: againWrites === 0 && again.summary.written.figures === 0,
      },
    ];
  } finally {
    await dynamoDb.stop();
  }
};
