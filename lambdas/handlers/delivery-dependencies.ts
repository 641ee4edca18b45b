import { DynamoAlertEventStore } from '../adapters/dynamodb/alert-event-repository.ts';
import { customGroupStore } from '../adapters/dynamodb/catalogues.ts';
import { DynamoContactStore } from '../adapters/dynamodb/contact-repository.ts';
import { DynamoDailySendCounter } from '../adapters/dynamodb/daily-send-counter.ts';
import { DynamoDeliveryLog } from '../adapters/dynamodb/delivery-log-repository.ts';
import { DynamoDigestQueue } from '../adapters/dynamodb/digest-queue-repository.ts';
import { DynamoStateRecords } from '../adapters/dynamodb/state-records-repository.ts';
import { DynamoWatchStore } from '../adapters/dynamodb/watch-repository.ts';
import { dailyCapsFromEnv, failureSinkFromEnv, notifierFromEnv, retryPolicy } from '../adapters/delivery-settings.ts';
import { manageWatchesUrl } from '../adapters/public-api-url.ts';
import { systemClock } from '../adapters/system-clock.ts';
import { tableAccess } from './table-access.ts';

/** Everything that sends alerts needs: the dispatcher, the hourly job and the test route. */
export const deliveryDependencies = () => {
  const { client, tableName, requests } = tableAccess();
  return {
    clock: systemClock,
    requests,
    contacts: new DynamoContactStore(client, tableName),
    watches: new DynamoWatchStore(client, tableName),
    deliveryLog: new DynamoDeliveryLog(client, tableName),
    sendCounter: new DynamoDailySendCounter(client, tableName),
    digests: new DynamoDigestQueue(client, tableName),
    alertEvents: new DynamoAlertEventStore(client, tableName),
    stateRecords: new DynamoStateRecords(client, tableName),
    customGroups: customGroupStore(client, tableName),
    dailyCaps: dailyCapsFromEnv(),
    notifier: notifierFromEnv(),
    failures: failureSinkFromEnv(),
    manageUrl: manageWatchesUrl(),
    retry: retryPolicy,
  };
};
