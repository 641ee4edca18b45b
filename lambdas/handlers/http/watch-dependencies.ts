import { randomUUID } from 'node:crypto';
import { customGroupStore, metricCatalogue, obligationCatalogue } from '../../adapters/dynamodb/catalogues.ts';
import { DynamoWatchStore } from '../../adapters/dynamodb/watch-repository.ts';
import { systemClock } from '../../adapters/system-clock.ts';
import type { WatchDependencies } from '../../core/watches/watch-commands.ts';
import { tableAccess } from '../table-access.ts';

/** What the watch routes need: the watch store and the catalogues a watch's references are checked against. */
export const watchDependencies = (): WatchDependencies => {
  const { client, tableName } = tableAccess();
  return {
    clock: systemClock,
    watches: new DynamoWatchStore(client, tableName),
    customGroups: customGroupStore(client, tableName),
    obligations: obligationCatalogue(client, tableName),
    metrics: metricCatalogue(client, tableName),
    newId: randomUUID,
  };
};
