import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAlertEventStore } from './alert-event-repository.ts';
import { customGroupStore, metricCatalogue, obligationCatalogue } from './catalogues.ts';
import { DynamoCheckerMemoryStore } from './checker-memory-repository.ts';
import { DynamoConsentStore } from './consent-repository.ts';
import { DynamoContactStore } from './contact-repository.ts';
import { DynamoDailyBudgets, DynamoDailySendCounter } from './daily-send-counter.ts';
import { DynamoDeliveryLog } from './delivery-log-repository.ts';
import { DynamoDigestQueue } from './digest-queue-repository.ts';
import { DynamoImportStore } from './import-writer.ts';
import { DynamoMessageRecords } from './message-record-repository.ts';
import { DynamoSendJobReads } from './send-job-reads.ts';
import { DynamoSignupStore } from './signup-repository.ts';
import { DynamoSourceStore } from './source-repository.ts';
import { DynamoStateRecords } from './state-records-repository.ts';
import { DynamoWatchStore } from './watch-repository.ts';
import { DynamoWavePlans } from './wave-plan-repository.ts';

/**
 * Every store of the one table, for the local runtime, the tests and the bench, which hand them
 * all to whichever handler they run. (The AWS composition root builds only those a function uses.)
 */
export const tableStores = (client: DynamoDBDocumentClient, tableName: string) => {
  const watches = new DynamoWatchStore(client, tableName);
  return {
    obligations: obligationCatalogue(client, tableName),
    metrics: metricCatalogue(client, tableName),
    customGroups: customGroupStore(client, tableName),
    stateRecords: new DynamoStateRecords(client, tableName),
    alertEvents: new DynamoAlertEventStore(client, tableName),
    checkerMemory: new DynamoCheckerMemoryStore(client, tableName),
    watches,
    feedKeys: watches,
    contacts: new DynamoContactStore(client, tableName),
    consents: new DynamoConsentStore(client, tableName),
    deliveryLog: new DynamoDeliveryLog(client, tableName),
    sendCounter: new DynamoDailySendCounter(client, tableName),
    budgets: new DynamoDailyBudgets(client, tableName),
    digests: new DynamoDigestQueue(client, tableName),
    importStore: new DynamoImportStore(client, tableName),
    wavePlans: new DynamoWavePlans(client, tableName),
    messageRecords: new DynamoMessageRecords(client, tableName),
    sendJobReads: new DynamoSendJobReads(client, tableName),
    signups: new DynamoSignupStore(client, tableName),
    sources: new DynamoSourceStore(client, tableName),
  };
};
