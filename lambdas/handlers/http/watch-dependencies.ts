import { randomUUID } from 'node:crypto';
import { dailyCapsFromEnv, newSmsCode, notifierFromEnv } from '../../adapters/delivery-settings.ts';
import { customGroupStore, metricCatalogue, obligationCatalogue } from '../../adapters/dynamodb/catalogues.ts';
import { DynamoContactStore } from '../../adapters/dynamodb/contact-repository.ts';
import { DynamoDailySendCounter } from '../../adapters/dynamodb/daily-send-counter.ts';
import { DynamoWatchStore } from '../../adapters/dynamodb/watch-repository.ts';
import { systemClock } from '../../adapters/system-clock.ts';
import type { WatchDependencies } from '../../core/watches/watch-commands.ts';
import { tableAccess } from '../table-access.ts';

/** What the routes that only read or remove watches need: no notifier, so their functions hold no SNS rights. */
export const watchReadDependencies = () => {
  const { client, tableName } = tableAccess();
  return {
    clock: systemClock,
    watches: new DynamoWatchStore(client, tableName),
    contacts: new DynamoContactStore(client, tableName),
  };
};

/** What the routes that create or change watches need: the stores, the catalogues a watch's references are checked against, and the notifier that asks addresses to confirm. */
export const watchDependencies = (): WatchDependencies => {
  const { client, tableName } = tableAccess();
  return {
    ...watchReadDependencies(),
    customGroups: customGroupStore(client, tableName),
    obligations: obligationCatalogue(client, tableName),
    metrics: metricCatalogue(client, tableName),
    sendCounter: new DynamoDailySendCounter(client, tableName),
    dailyCaps: dailyCapsFromEnv(),
    notifier: notifierFromEnv(),
    newCode: newSmsCode,
    newId: randomUUID,
  };
};
