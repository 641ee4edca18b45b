import { requiredEnv } from '../adapters/environment.ts';
import { DynamoAlertEventStore } from '../adapters/dynamodb/alert-event-repository.ts';
import { customGroupStore, metricCatalogue, obligationCatalogue } from '../adapters/dynamodb/catalogues.ts';
import { DynamoCheckerMemoryStore } from '../adapters/dynamodb/checker-memory-repository.ts';
import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { countRequests } from '../adapters/dynamodb/request-counter.ts';
import { DynamoStateRecords } from '../adapters/dynamodb/state-records-repository.ts';
import { TABLE_NAME_ENV } from '../adapters/dynamodb/table-schema.ts';
import { loggingAlertPublisher } from '../adapters/logging-alert-publisher.ts';
import { systemClock } from '../adapters/system-clock.ts';

/**
 * The composition point: the adapters every handler gets, built once per cold start from the
 * function's environment. Constructing them is cheap; only what a handler calls sends requests.
 */
const build = () => {
  const client = createDocumentClient();
  const tableName = requiredEnv(TABLE_NAME_ENV);
  return {
    clock: systemClock,
    requests: countRequests(client),
    obligations: obligationCatalogue(client, tableName),
    metrics: metricCatalogue(client, tableName),
    customGroups: customGroupStore(client, tableName),
    stateRecords: new DynamoStateRecords(client, tableName),
    alertEvents: new DynamoAlertEventStore(client, tableName),
    checkerMemory: new DynamoCheckerMemoryStore(client, tableName),
    alertPublisher: loggingAlertPublisher,
  };
};

export type TableDependencies = ReturnType<typeof build>;

let dependencies: TableDependencies | undefined;

export const tableDependencies = (): TableDependencies => (dependencies ??= build());
