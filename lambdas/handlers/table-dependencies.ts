import { DynamoAlertEventStore } from '../adapters/dynamodb/alert-event-repository.ts';
import { customGroupStore, metricCatalogue, obligationCatalogue } from '../adapters/dynamodb/catalogues.ts';
import { DynamoCheckerMemoryStore } from '../adapters/dynamodb/checker-memory-repository.ts';
import { DynamoStateRecords } from '../adapters/dynamodb/state-records-repository.ts';
import { systemClock } from '../adapters/system-clock.ts';
import { tableAccess } from './table-access.ts';

/**
 * Every adapter, for the functions that use most of them (the deadline check, the local runtime's
 * seeding). Functions that need one or two build those from `tableAccess()` instead.
 */
export const tableDependencies = () => {
  const { client, tableName, requests } = tableAccess();
  return {
    clock: systemClock,
    requests,
    obligations: obligationCatalogue(client, tableName),
    metrics: metricCatalogue(client, tableName),
    customGroups: customGroupStore(client, tableName),
    stateRecords: new DynamoStateRecords(client, tableName),
    alertEvents: new DynamoAlertEventStore(client, tableName),
    checkerMemory: new DynamoCheckerMemoryStore(client, tableName),
  };
};
