import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAlertEventStore } from './alert-event-repository.ts';
import { customGroupStore } from './catalogues.ts';
import { DynamoContactStore } from './contact-repository.ts';
import { DynamoDailySendCounter } from './daily-send-counter.ts';
import { DynamoDeliveryLog } from './delivery-log-repository.ts';
import { DynamoDigestQueue } from './digest-queue-repository.ts';
import { DynamoStateRecords } from './state-records-repository.ts';
import { DynamoWatchStore } from './watch-repository.ts';

/** Every store that delivering alerts reads or writes, on one table. */
export const deliveryStores = (client: DynamoDBDocumentClient, tableName: string) => ({
  contacts: new DynamoContactStore(client, tableName),
  watches: new DynamoWatchStore(client, tableName),
  deliveryLog: new DynamoDeliveryLog(client, tableName),
  sendCounter: new DynamoDailySendCounter(client, tableName),
  digests: new DynamoDigestQueue(client, tableName),
  alertEvents: new DynamoAlertEventStore(client, tableName),
  stateRecords: new DynamoStateRecords(client, tableName),
  customGroups: customGroupStore(client, tableName),
});
