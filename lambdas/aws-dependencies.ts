import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sqsOnFirstCall } from './adapters/calls-on-first-use.ts';
import {
  dailyCapsFromEnv,
  newSmsCode,
  retryPolicy,
  sendBudgetsFromEnv,
  smsCountriesFromEnv,
} from './adapters/delivery-settings.ts';
import { DynamoAlertEventStore } from './adapters/dynamodb/alert-event-repository.ts';
import { customGroupStore, metricCatalogue, obligationCatalogue } from './adapters/dynamodb/catalogues.ts';
import { DynamoCheckerMemoryStore } from './adapters/dynamodb/checker-memory-repository.ts';
import { DynamoConsentStore } from './adapters/dynamodb/consent-repository.ts';
import { DynamoContactStore } from './adapters/dynamodb/contact-repository.ts';
import { DynamoDailyBudgets, DynamoDailySendCounter } from './adapters/dynamodb/daily-send-counter.ts';
import { DynamoDeliveryLog } from './adapters/dynamodb/delivery-log-repository.ts';
import { DynamoDigestQueue } from './adapters/dynamodb/digest-queue-repository.ts';
import { createDocumentClient } from './adapters/dynamodb/document-client.ts';
import { DynamoImportStore } from './adapters/dynamodb/import-writer.ts';
import { DynamoMessageRecords } from './adapters/dynamodb/message-record-repository.ts';
import { DynamoMigrationLedger } from './adapters/dynamodb/migration-ledger.ts';
import { countRequests, type RequestCounter } from './adapters/dynamodb/request-counter.ts';
import { DynamoSendJobReads } from './adapters/dynamodb/send-job-reads.ts';
import { DynamoSignupStore } from './adapters/dynamodb/signup-repository.ts';
import { DynamoSourceStore } from './adapters/dynamodb/source-repository.ts';
import { DynamoStateRecords } from './adapters/dynamodb/state-records-repository.ts';
import { DynamoWatchStore } from './adapters/dynamodb/watch-repository.ts';
import { DynamoWavePlans } from './adapters/dynamodb/wave-plan-repository.ts';
import { loggedMetrics } from './adapters/emf-metrics.ts';
import { requiredEnv } from './adapters/environment.ts';
import { LoggedFailureSink } from './adapters/logged-failure-sink.ts';
import { logger } from './adapters/logger.ts';
import { type MigrationsHandlerDependencies, migrations } from './adapters/migrations/migrations.ts';
import { newFeedKey } from './adapters/new-feed-key.ts';
import { manageWatchesUrl, publicApiUrl } from './adapters/public-api-url.ts';
import { secretFromExtension } from './adapters/secrets/extension-secret.ts';
import { sesCalls } from './adapters/ses/ses-calls.ts';
import { createSesEmailSender } from './adapters/ses/ses-email-sender.ts';
import { createSnsAlertEventPublisher } from './adapters/sns/alert-event-publisher.ts';
import { setSmsMonthlySpendLimit } from './adapters/sns/sms-spend-limit.ts';
import { newSnsClient } from './adapters/sns/sns-client.ts';
import { SnsSmsSender } from './adapters/sns/sns-sms-sender.ts';
import { sourceSettingsFromEnv } from './adapters/sources/source-settings.ts';
import { sharedSqsClient } from './adapters/sqs/sqs-client.ts';
import { type SenderQueueUrls, SqsDeliveryJobQueue, SqsSenderQueues } from './adapters/sqs/sqs-delivery-job-queue.ts';
import { SqsFailureSink } from './adapters/sqs/sqs-failure-sink.ts';
import { SqsMessageVisibility } from './adapters/sqs/sqs-message-visibility.ts';
import { sqsMigrationsHandOn } from './adapters/sqs/sqs-migrations-continuation.ts';
import { SqsWaveAnnouncer } from './adapters/sqs/sqs-wave-announcer.ts';
import { systemClock } from './adapters/system-clock.ts';
import { DIRECT_PLAN_LIMIT, deliveryQueues, THROTTLE_BACKOFF } from './contracts/delivery-queues.ts';
import {
  DELIVERY_QUEUE_URL_ENV,
  FAILURE_QUEUE_URL_ENV,
  MIGRATIONS_QUEUE_URL_ENV,
  TABLE_NAME_ENV,
  UNSUBSCRIBE_SECRET_ENV,
} from './contracts/environment.ts';
import type { BudgetDependencies } from './core/budgets/send-budgets.ts';
import type { ChangeDetectionDependencies } from './core/changes/detect-changes.ts';
import type { DeadlineCheckDependencies } from './core/checks/run-deadline-check.ts';
import type { ConsentDependencies, LinkConsentDependencies } from './core/contacts/confirm-consent.ts';
import { confirmationUrl } from './core/contacts/confirmation-link.ts';
import type { ForgetAddressDependencies } from './core/contacts/forget-address.ts';
import type { StopContactDependencies } from './core/contacts/stop-contact.ts';
import { unsubscribeUrl } from './core/contacts/unsubscribe-link.ts';
import type { DeliveryDependencies } from './core/delivery/deliver.ts';
import type { MessageRenderers } from './core/delivery/outgoing-message.ts';
import type { ScheduledJobDependencies } from './core/delivery/plan-scheduled-jobs.ts';
import type { PlanShardDependencies } from './core/delivery/plan-shard.ts';
import type { PlanWaveDependencies } from './core/delivery/plan-wave.ts';
import type { SenderDependencies } from './core/delivery/send-job.ts';
import type { FeedKeyDependencies } from './core/feeds/feed-key.ts';
import type { WatchFeedDependencies } from './core/feeds/watch-feed.ts';
import { emailMessage } from './core/messages/email-message.ts';
import { smsMessage } from './core/messages/sms-message.ts';
import type { AlertEventPublisher } from './core/ports/alert-event-publisher.ts';
import type { Clock } from './core/ports/clock.ts';
import type { DeliveryJobQueue, WaveAnnouncer } from './core/ports/delivery-pipeline.ts';
import type { FeedKeyStore } from './core/ports/feed-key-store.ts';
import type { ImportStore } from './core/ports/import-store.ts';
import type { ChannelSenders, MessageSender } from './core/ports/message-sender.ts';
import type { ServiceMetrics } from './core/ports/service-metrics.ts';
import type { SourceStore } from './core/ports/source-store.ts';
import type {
  AlertEventStore,
  CheckerMemoryStore,
  ConsentStore,
  ContactStore,
  CustomGroupStore,
  DailySendCounter,
  DeliveryLog,
  DigestQueue,
  MetricCatalogue,
  ObligationCatalogue,
  SignupStore,
  StateRecords,
  WatchStore,
} from './core/ports/stores.ts';
import type { ReviewDependencies } from './core/sources/review-proposal.ts';
import type { SourceCheckDependencies } from './core/sources/run-source-check.ts';
import type { StandingDependencies } from './core/status/standing-data.ts';
import type { SignupConfirmDependencies } from './core/subscriptions/complete-signup.ts';
import { subscriberManageUrl } from './core/subscriptions/manage-link.ts';
import type { SignupDependencies } from './core/subscriptions/sign-up.ts';
import type { ChannelKind } from './core/watches/watch.ts';
import type { WatchDependencies } from './core/watches/watch-commands.ts';

/**
 * The AWS composition root: one factory per dependency a handler may ask for, each built from the
 * function's environment as the stack (lib/) sets it. A handler module's `handler` calls the ones
 * it uses on its first invocation, so its bundle carries, and its cold start builds, only those:
 * nothing here runs on import. The local runtime (local/) and the tests (test/support/) pass their
 * own dependencies to the same handlers' `handlerFor`.
 */

interface AwsTable {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly requests: RequestCounter;
}

let table: AwsTable | undefined;

/** One document client per process, as a warm function keeps it, and the table's name. */
const awsTable = (): AwsTable => {
  if (table === undefined) {
    const client = createDocumentClient();
    table = { client, tableName: requiredEnv(TABLE_NAME_ENV), requests: countRequests(client) };
  }
  return table;
};

/** A store of the table, built on this process's client. */
const onTable = <T>(store: (client: DynamoDBDocumentClient, tableName: string) => T): T => {
  const { client, tableName } = awsTable();
  return store(client, tableName);
};

export const clock = (): Clock => systemClock;
/** The service's counters and timings: embedded metric format lines in the function's log. */
export const serviceMetrics = (): ServiceMetrics => loggedMetrics();
/** The DynamoDB requests this process's client sent: what a run cost, for the logs. */
export const requests = (): RequestCounter => awsTable().requests;

export const obligations = (): ObligationCatalogue => onTable(obligationCatalogue);
export const metrics = (): MetricCatalogue => onTable(metricCatalogue);
export const customGroups = (): CustomGroupStore => onTable(customGroupStore);
export const stateRecords = (): StateRecords => onTable((client, name) => new DynamoStateRecords(client, name));
export const alertEvents = (): AlertEventStore => onTable((client, name) => new DynamoAlertEventStore(client, name));
export const contacts = (): ContactStore => onTable((client, name) => new DynamoContactStore(client, name));
export const consents = (): ConsentStore => onTable((client, name) => new DynamoConsentStore(client, name));
export const deliveryLog = (): DeliveryLog => onTable((client, name) => new DynamoDeliveryLog(client, name));
export const importStore = (): ImportStore => onTable((client, name) => new DynamoImportStore(client, name));
/** Watches and their feed keys, which one repository keeps. */
export const watches = (): WatchStore & FeedKeyStore => onTable((client, name) => new DynamoWatchStore(client, name));
const checkerMemory = (): CheckerMemoryStore => onTable((client, name) => new DynamoCheckerMemoryStore(client, name));
const sendCounter = (): DailySendCounter => onTable((client, name) => new DynamoDailySendCounter(client, name));
/** The daily budgets of what requests send, with the deployment's limits. */
const sendBudgets = (): BudgetDependencies => ({
  budgets: onTable((client, name) => new DynamoDailyBudgets(client, name)),
  sendBudgets: sendBudgetsFromEnv(),
});
const digestQueue = (): DigestQueue => onTable((client, name) => new DynamoDigestQueue(client, name));

/** Where the senders park what failed for good: SQS, loaded on the first failure. */
const failureSink = () => new SqsFailureSink(sqsOnFirstCall(), requiredEnv(FAILURE_QUEUE_URL_ENV));

/** The API's base URL, for links back to it (feeds). */
export const apiUrl = publicApiUrl;
/** Where a subscriber changes or stops their watches: messages end with it. */
export const manageUrl = (): string => manageWatchesUrl(publicApiUrl());

let secret: (() => Promise<string>) | undefined;
/**
 * The secret unsubscribe links are signed with. It lives in Secrets Manager (generated by the
 * stack, so no template or environment holds it) and is read once per process through the
 * Parameters and Secrets extension, on first use: only the functions that sign or check links pay.
 */
export const linkSecret = (): (() => Promise<string>) => {
  secret ??= secretFromExtension(requiredEnv(UNSUBSCRIBE_SECRET_ENV));
  return secret;
};

/** Where a subject's standing is read from (the board, a state, the calendar, the checker). */
export const standing = (): StandingDependencies & { readonly clock: Clock } => ({
  clock: clock(),
  obligations: obligations(),
  customGroups: customGroups(),
  stateRecords: stateRecords(),
});

export const changeDetection = (): ChangeDetectionDependencies => ({
  clock: clock(),
  serviceMetrics: serviceMetrics(),
  obligations: obligations(),
  stateRecords: stateRecords(),
  alertEvents: alertEvents(),
});

export const deadlineCheck = (): DeadlineCheckDependencies & { readonly clock: Clock } => ({
  ...standing(),
  checkerMemory: checkerMemory(),
  alertEvents: alertEvents(),
  serviceMetrics: serviceMetrics(),
});

const sources = (): SourceStore => onTable((client, name) => new DynamoSourceStore(client, name));

/** Reviewing a proposal: the proposals, and what recording a report needs. */
export const proposalReview = (): ReviewDependencies => ({ ...standing(), metrics: metrics(), sources: sources() });

/** The hourly source job's: reviewing's (autoAccept records reports), the feeds, and the metrics. */
export const sourceCheck = (): SourceCheckDependencies => ({
  ...proposalReview(),
  ...sourceSettingsFromEnv(),
  serviceMetrics: serviceMetrics(),
});

/** The machine feed's: the AlertEvents topic, and nothing of the table but its stream. */
export const alertEventPublishing = (): { readonly alertEventPublisher: AlertEventPublisher } => ({
  alertEventPublisher: createSnsAlertEventPublisher(),
});

let channelSenders: ChannelSenders | undefined;
/** SES for email, SNS for SMS: each built on first use, so a function that sends one channel never loads the other's SDK. */
const senders = (): ChannelSenders => {
  if (channelSenders) return channelSenders;
  let email: MessageSender | undefined;
  let sms: MessageSender | undefined;
  channelSenders = {
    email: { send: (message) => (email ??= createSesEmailSender(sesCalls())).send(message) },
    sms: { send: (message) => (sms ??= new SnsSmsSender(newSnsClient())).send(message) },
  };
  return channelSenders;
};

/** An email contact's signed one-click unsubscribe link. */
const contactUnsubscribeUrl = async (contact: string): Promise<string> =>
  unsubscribeUrl(publicApiUrl(), await linkSecret()(), contact);

/** The signed manage link of an address that signed itself up. */
const contactManageUrl = async (contact: string): Promise<string> =>
  subscriberManageUrl(publicApiUrl(), await linkSecret()(), contact);

/**
 * SES and SNS through their senders, and the log and MessagesFailed for what failed for good
 * (no job to replay, so not the failures queue): what a watch's test message needs.
 */
export const delivery = (): DeliveryDependencies => ({
  clock: clock(),
  contacts: contacts(),
  consents: consents(),
  watches: watches(),
  deliveryLog: deliveryLog(),
  sendCounter: sendCounter(),
  dailyCaps: dailyCapsFromEnv(),
  senders: senders(),
  ...sendBudgets(),
  failures: new LoggedFailureSink(logger, serviceMetrics()),
  manageUrl: manageUrl(),
  unsubscribeUrl: contactUnsubscribeUrl,
  subscriberManageUrl: contactManageUrl,
  retry: retryPolicy,
});

/** The hourly job's: what is still overdue, the digests due, what each contact was told, and the senders' queues. */
export const scheduledDelivery = (): ScheduledJobDependencies => ({
  watches: watches(),
  customGroups: customGroups(),
  digests: digestQueue(),
  alertEvents: alertEvents(),
  stateRecords: stateRecords(),
  deliveryLog: deliveryLog(),
  jobs: new SqsSenderQueues(sharedSqsClient(), senderQueueUrls()),
});

/** A watch's Atom feed: its key, the alerts it heard, and the API's URL to link to. */
export const watchFeed = (): WatchFeedDependencies => {
  const store = watches();
  return {
    clock: clock(),
    watches: store,
    feedKeys: store,
    alertEvents: alertEvents(),
    customGroups: customGroups(),
    apiUrl: apiUrl(),
  };
};

export const feedKeyRotation = (): FeedKeyDependencies => {
  const store = watches();
  return { clock: clock(), watches: store, feedKeys: store, newKey: newFeedKey, apiUrl: apiUrl() };
};

/** What a confirmation link's page and button need: the consents, the watches they activate, and the signing secret. */
export const linkConsent = (): LinkConsentDependencies => ({ ...contactAccess(), linkSecret: linkSecret() });

/** What changes an address's standing (a consent given, an unsubscribe, SES feedback): its contact, consents and watches. */
export const contactAccess = (): StopContactDependencies & ConsentDependencies => ({
  clock: clock(),
  contacts: contacts(),
  consents: consents(),
  watches: watches(),
});

/** What deleting watches needs: the watches, and the contacts and consents their addresses leave behind. */
export const addressForgetting = (): ForgetAddressDependencies => ({
  watches: watches(),
  contacts: contacts(),
  consents: consents(),
});

/** What creating or changing a watch needs: the catalogues its references are checked against, and the senders that ask its address to confirm. */
export const watchCommands = (): WatchDependencies => ({
  clock: clock(),
  watches: watches(),
  contacts: contacts(),
  consents: consents(),
  customGroups: customGroups(),
  obligations: obligations(),
  metrics: metrics(),
  ...sendBudgets(),
  smsCountries: smsCountriesFromEnv(),
  senders: senders(),
  linkSecret: linkSecret(),
  confirmationUrl: async (link) => confirmationUrl(publicApiUrl(), await linkSecret()(), link),
  newCode: newSmsCode,
  newId: randomUUID,
  serviceMetrics: serviceMetrics(),
});

const signupStore = (): SignupStore => onTable((client, name) => new DynamoSignupStore(client, name));

/** The public sign-up's: what creating a watch needs (its address asked to confirm), and the waiting sign-ups. */
export const signups = (): SignupDependencies => ({ ...watchCommands(), signups: signupStore() });

/** What confirming needs: a consent given, and an address's own sign-up made its watch. */
export const signupConfirmation = (): SignupConfirmDependencies => ({
  ...linkConsent(),
  signups: signupStore(),
  newId: randomUUID,
});

/** The announcer's: the wave queue. */
export const waveAnnouncer = (): WaveAnnouncer =>
  new SqsWaveAnnouncer(sharedSqsClient(), requiredEnv(DELIVERY_QUEUE_URL_ENV.waves));

const senderQueueUrls = (): SenderQueueUrls => ({
  email: requiredEnv(DELIVERY_QUEUE_URL_ENV.email),
  sms: requiredEnv(DELIVERY_QUEUE_URL_ENV.sms),
});
const deliveryJobQueue = (): DeliveryJobQueue =>
  new SqsDeliveryJobQueue(sharedSqsClient(), {
    shards: requiredEnv(DELIVERY_QUEUE_URL_ENV.shards),
    senders: senderQueueUrls(),
  });

/** The planner's: the wave plans, the wave's events, the target index, and the queues it fans out to. */
export const wavePlanning = (): PlanWaveDependencies => ({
  clock: clock(),
  wavePlans: onTable((client, name) => new DynamoWavePlans(client, name)),
  alertEvents: alertEvents(),
  watches: watches(),
  customGroups: customGroups(),
  digests: digestQueue(),
  jobs: deliveryJobQueue(),
  announcer: waveAnnouncer(),
  planning: { directPlanLimit: DIRECT_PLAN_LIMIT, leaseSeconds: deliveryQueues.waves.timeoutSeconds },
});

/** A shard worker's: the part's events, the shard's watches, and the sender queues. */
export const shardPlanning = (): PlanShardDependencies => ({
  clock: clock(),
  alertEvents: alertEvents(),
  watches: watches(),
  customGroups: customGroups(),
  digests: digestQueue(),
  jobs: deliveryJobQueue(),
});

/** A channel's sender's: the message records, what a send checks and counts, the channel's provider, and its own queue for backoff. */
const sending = (channel: ChannelKind, sender: MessageSender, renderers: MessageRenderers): SenderDependencies => ({
  clock: clock(),
  messageRecords: onTable((client, name) => new DynamoMessageRecords(client, name)),
  contacts: contacts(),
  consents: consents(),
  watches: watches(),
  sendJobReads: onTable((client, name) => new DynamoSendJobReads(client, name)),
  sendCounter: sendCounter(),
  ...sendBudgets(),
  dailyCaps: dailyCapsFromEnv(),
  sender,
  renderers,
  failures: failureSink(),
  manageUrl: manageUrl(),
  unsubscribeUrl: contactUnsubscribeUrl,
  subscriberManageUrl: contactManageUrl,
  claimSeconds: deliveryQueues[channel].visibilityTimeoutSeconds,
  serviceMetrics: serviceMetrics(),
  backoff: {
    visibility: new SqsMessageVisibility(sqsOnFirstCall(), requiredEnv(DELIVERY_QUEUE_URL_ENV[channel])),
    policy: THROTTLE_BACKOFF,
    random: Math.random,
  },
});

/** The email sender's: SES v2, from the stack's identity, through its configuration set. */
export const emailSending = (): SenderDependencies =>
  sending('email', createSesEmailSender(sesCalls()), { email: emailMessage });

/** The SMS sender's: SNS, published to the number after its opt-out is checked. */
export const smsSending = (): SenderDependencies =>
  sending('sms', new SnsSmsSender(newSnsClient()), { sms: smsMessage });

/** The migrations custom resource's: the ledger, every migration (SNS for the email topics they delete), and its continuation queue. */
export const migrationsRun = (): MigrationsHandlerDependencies => ({
  clock: clock(),
  ledger: onTable((client, name) => new DynamoMigrationLedger(client, name)),
  migrations: onTable((client, name) => migrations(client, name, newSnsClient(), clock())),
  handOn: sqsMigrationsHandOn(sqsOnFirstCall(), requiredEnv(MIGRATIONS_QUEUE_URL_ENV)),
});

/** The SMS spend limit custom resource's: SNS's account-wide SMS settings. */
export const smsSpendLimit = (): ((usd: number) => Promise<void>) => {
  const client = newSnsClient();
  return (usd) => setSmsMonthlySpendLimit(client, usd);
};
