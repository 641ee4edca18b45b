import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { DynamoAlertEventStore } from '../lambdas/adapters/dynamodb/alert-event-repository.ts';
import { customGroupStore, obligationCatalogue } from '../lambdas/adapters/dynamodb/catalogues.ts';
import { DynamoCheckerMemoryStore } from '../lambdas/adapters/dynamodb/checker-memory-repository.ts';
import { ensureTable } from '../lambdas/adapters/dynamodb/create-table.ts';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/document-client.ts';
import { countRequests, type RequestCounter } from '../lambdas/adapters/dynamodb/request-counter.ts';
import { DynamoStateRecords } from '../lambdas/adapters/dynamodb/state-records-repository.ts';
import { systemClock } from '../lambdas/adapters/system-clock.ts';
import {
  type DeadlineCheckDependencies,
  type DeadlineCheckOutcome,
  runDeadlineCheck,
} from '../lambdas/core/checks/run-deadline-check.ts';
import { mapWithConcurrency } from '../lambdas/core/map-with-concurrency.ts';
import { defineObligation, type Obligation } from '../lambdas/core/obligations/obligation.ts';
import { memberStates } from '../lambdas/core/reference/member-states.ts';
import { seedObligations } from '../lambdas/core/reference/obligations.ts';
import type { Report } from '../lambdas/core/reports/report.ts';
import { storedReportSchema } from '../lambdas/core/reports/report-schema.ts';
import { addDays, daysBetween, type IsoDate, utcDateOf } from '../lambdas/core/time/calendar-date.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { benchMetrics } from './bench-metrics.ts';
import { describeLatency, timeRequests } from './request-timer.ts';
import { type BenchRow, count, milliseconds } from './results-table.ts';

/** Obligations per state in each measured catalogue: 193 × 3, × 10, × 30 and × 300 (the whole registry and more). */
const SIZES = [3, 10, 30, 300] as const;
/** The size the read target is set for. */
const READ_TARGET_SIZE = 10;
const READ_TARGET = 10;
/** The instant every first run checks as of; the second runs are later the same UTC day. */
const CHECK_AT = new Date('2026-03-15T06:00:00Z');
const SECOND_RUN_AT = new Date('2026-03-15T18:00:00Z');
/** BatchWriteItem requests in flight at once during setup (not measured); each carries up to 25 reports. */
const SETUP_CONCURRENCY = 4;
const BATCH_SIZE = 25;
/** Days to the deadline of the obligations not yet due, in turn: the first four fall inside an alert threshold (30/7/1 days). */
const APPROACHING_DAYS = [1, 6, 14, 25, 45] as const;

const READ_OPERATIONS: ReadonlySet<string> = new Set(['Query', 'GetItem', 'BatchGetItem', 'Scan', 'TransactGetItems']);

const operationName = (commandName: string): string => commandName.replace(/Command$/, '');

interface RequestSplit {
  readonly reads: number;
  readonly writes: number;
  readonly readOps: string;
  readonly writeOps: string;
}

const splitRequests = (counter: RequestCounter): RequestSplit => {
  const reads: [string, number][] = [];
  const writes: [string, number][] = [];
  for (const [command, n] of Object.entries(counter.byOperation())) {
    const operation = operationName(command);
    (READ_OPERATIONS.has(operation) ? reads : writes).push([operation, n]);
  }
  const sum = (list: readonly [string, number][]) => list.reduce((total, [, n]) => total + n, 0);
  const describe = (list: readonly [string, number][]) =>
    list.map(([operation, n]) => `${operation} ${count(n)}`).join(', ');
  return { reads: sum(reads), writes: sum(writes), readOps: describe(reads), writeOps: describe(writes) };
};

const withOps = (n: number, ops: string): string => (ops === '' ? count(n) : `${count(n)} (${ops})`);

/**
 * `n` report obligations derived from the seed's report obligations: distinct ids, and due dates
 * spread around the check day, every other one overdue (by 3, 17, 31… days), the rest due in
 * 1, 6, 14, 25 or 45 days, so some are approaching and one in five is not yet within a threshold.
 */
const benchObligations = (n: number, at: Date): (Obligation & { readonly dueDate: IsoDate })[] => {
  const templates = seedObligations.filter((obligation) => obligation.kind === 'report');
  const today = utcDateOf(at);
  return Array.from({ length: n }, (_, index) => {
    const template = templates[index % templates.length];
    if (!template) throw new Error('the seed has no report obligation to derive from');
    const { resolution, paragraph, description, kind, appliesTo, source } = template;
    const dueIn = index % 2 === 0 ? -(3 + 7 * index) : (APPROACHING_DAYS[(index >> 1) % APPROACHING_DAYS.length] ?? 45);
    // Due the day it is adopted, so the due date is exactly the one this row wants.
    return defineObligation({
      resolution,
      paragraph,
      description,
      kind,
      appliesTo,
      source,
      id: `${template.id}-bench-${index + 1}`,
      title: `${template.title} (bench ${index + 1})`,
      adoptedOn: addDays(today, dueIn),
      dueOffsetMonths: 0,
    });
  });
};

/** About half the states report on each obligation (alternating, shifted by one per obligation), ten days before the deadline or the check day. */
const benchReports = (obligations: readonly (Obligation & { readonly dueDate: IsoDate })[], at: Date): Report[] => {
  const today = utcDateOf(at);
  return obligations.flatMap((obligation, obligationIndex) =>
    memberStates()
      .filter((_, stateIndex) => (stateIndex + obligationIndex) % 2 === 0)
      .map((state) => ({
        state: state.alpha2,
        obligationId: obligation.id,
        reportDate: addDays(obligation.dueDate < today ? obligation.dueDate : today, -10),
        public: true,
        recordedAt: at.toISOString(),
      })),
  );
};

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/**
 * Writes the reports with BatchWriteItem, 25 a request, as `DynamoStateRecords.recordReport` lays
 * them out (state partition, `REPORT#…` sort key, GSI1 `REPORT`); the setup then reads them back
 * through the repository, so a layout that drifted from the app's fails the bench, not skews it.
 */
const writeReports = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  reports: readonly Report[],
): Promise<void> => {
  const batches: WriteRequest[][] = [];
  for (let start = 0; start < reports.length; start += BATCH_SIZE) {
    batches.push(
      reports.slice(start, start + BATCH_SIZE).map((report) => ({
        PutRequest: {
          Item: {
            PK: `STATE#${report.state}`,
            SK: `REPORT#${report.obligationId}#${report.reportDate}`,
            itemType: 'report',
            GSI1PK: 'REPORT',
            GSI1SK: `${report.obligationId}#${report.state}#${report.reportDate}`,
            ...storedReportSchema.parse(report),
          },
        },
      })),
    );
  }
  await mapWithConcurrency(batches, SETUP_CONCURRENCY, async (batch) => {
    let pending: WriteRequest[] | undefined = batch;
    while (pending && pending.length > 0) {
      const response: BatchWriteCommandOutput = await client.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = response.UnprocessedItems?.[tableName];
    }
  });
};

const dependenciesOf = (client: DynamoDBDocumentClient, tableName: string): DeadlineCheckDependencies => ({
  obligations: obligationCatalogue(client, tableName),
  customGroups: customGroupStore(client, tableName),
  stateRecords: new DynamoStateRecords(client, tableName),
  checkerMemory: new DynamoCheckerMemoryStore(client, tableName),
  alertEvents: new DynamoAlertEventStore(client, tableName),
  clock: systemClock,
  serviceMetrics: benchMetrics,
});

/** One run with fresh adapters, as a cold Lambda would have, whose client counts its requests. */
const measuredRun = async (endpoint: string, tableName: string, at: Date) => {
  const client = createDocumentClient(endpoint);
  const counter = countRequests(client);
  const timer = timeRequests(client);
  try {
    const started = performance.now();
    const outcome: DeadlineCheckOutcome = await runDeadlineCheck(at, dependenciesOf(client, tableName));
    return {
      ms: performance.now() - started,
      outcome,
      requests: splitRequests(counter),
      latency: describeLatency(timer),
    };
  } finally {
    client.destroy();
  }
};

const eventsByType = (outcome: DeadlineCheckOutcome): string => {
  const byType = new Map<string, number>();
  for (const event of outcome.emitted) byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
  const detail = [...byType].map(([type, n]) => `${type} ${count(n)}`).join(', ');
  return detail === '' ? '0' : `${count(outcome.emitted.length)} (${detail})`;
};

const sizeRows = async (endpoint: string, size: number): Promise<BenchRow[]> => {
  const tableName = `bench-deadline-check-${size}`;
  const admin = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const setupClient = createDocumentClient(endpoint);
  const obligations = benchObligations(size, CHECK_AT);
  const reports = benchReports(obligations, CHECK_AT);
  const setupStarted = performance.now();
  try {
    await ensureTable(admin, tableName);
    const setup = dependenciesOf(setupClient, tableName);
    await Promise.all(obligations.map((obligation) => setup.obligations.ensure(obligation)));
    await writeReports(setupClient, tableName, reports);
    const stored = (await setup.stateRecords.allReports()).length;
    if (stored !== reports.length)
      throw new Error(`${tableName}: wrote ${reports.length} reports, the repository reads back ${stored}`);
  } finally {
    setupClient.destroy();
    admin.destroy();
  }
  const setupMs = performance.now() - setupStarted;

  const first = await measuredRun(endpoint, tableName, CHECK_AT);
  const second = await measuredRun(endpoint, tableName, SECOND_RUN_AT);

  const today = utcDateOf(CHECK_AT);
  const daysLeft = (dueDate: IsoDate) => daysBetween(today, dueDate);
  const overdue = obligations.filter((o) => daysLeft(o.dueDate) < 0).length;
  const approaching = obligations.filter((o) => daysLeft(o.dueDate) >= 0 && daysLeft(o.dueDate) <= 30).length;
  const later = obligations.length - overdue - approaching;
  const label = `deadline check 193 × ${size}`;
  const readTargetApplies = size === READ_TARGET_SIZE;
  return [
    {
      what: `${label}: data (DynamoDB Local, in memory)`,
      value: `${size} report obligations (${overdue} overdue, ${approaching} due within 30 d, ${later} later), ${count(reports.length)} reports`,
      target: '',
      baseline: `setup ${(setupMs / 1000).toFixed(1)} s, not measured`,
    },
    { what: `${label}: 1st run wall time`, value: milliseconds(first.ms), target: '', baseline: '' },
    { what: `${label}: 1st run time per request`, value: first.latency, target: '', baseline: '' },
    {
      what: `${label}: 1st run DynamoDB reads`,
      value: withOps(first.requests.reads, first.requests.readOps),
      target: readTargetApplies ? `<= ${READ_TARGET} reads` : `(<= ${READ_TARGET} reads at 193 × ${READ_TARGET_SIZE})`,
      baseline: '',
      ...(readTargetApplies ? { meetsTarget: first.requests.reads <= READ_TARGET } : {}),
    },
    {
      what: `${label}: 1st run DynamoDB writes`,
      value: withOps(first.requests.writes, first.requests.writeOps),
      target: '',
      baseline: '',
    },
    {
      what: `${label}: 1st run events emitted`,
      value: eventsByType(first.outcome),
      target: '',
      baseline: first.outcome.alreadyStored === 0 ? '' : `${count(first.outcome.alreadyStored)} already stored`,
    },
    {
      what: `${label}: 2nd run same day, requests`,
      value: `${withOps(second.requests.reads, second.requests.readOps)} reads, ${withOps(second.requests.writes, second.requests.writeOps)} writes; ${count(second.outcome.emitted.length)} events; ${milliseconds(second.ms)}`,
      target: 'reads only',
      baseline: '',
      meetsTarget: second.requests.writes === 0 && second.outcome.emitted.length === 0,
    },
  ];
};

/**
 * Rows: the scheduled deadline check against DynamoDB Local for 193 states × 3, 10, 30 and 300
 * obligations, each on its own fresh table in one in-memory DynamoDB Local: the first run's
 * wall time, its reads and writes, the events it emitted; then a second run the same day.
 */
export const deadlineCheckRows = async (): Promise<BenchRow[]> => {
  const dynamoDb = await startDynamoDbLocal();
  try {
    const rows: BenchRow[] = [];
    for (const size of SIZES) rows.push(...(await sizeRows(dynamoDb.endpoint, size)));
    return rows;
  } finally {
    await dynamoDb.stop();
  }
};
