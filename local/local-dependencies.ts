import { randomBytes, randomUUID } from 'node:crypto';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { newSmsCode, retryPolicy } from '../lambdas/adapters/delivery-settings.ts';
import { countRequests } from '../lambdas/adapters/dynamodb/request-counter.ts';
import { tableStores } from '../lambdas/adapters/dynamodb/table-stores.ts';
import { newFeedKey } from '../lambdas/adapters/new-feed-key.ts';
import { manageWatchesUrl } from '../lambdas/adapters/public-api-url.ts';
import { sqsCalls } from '../lambdas/adapters/sqs/sqs-calls.ts';
import { SqsDeliveryJobQueue } from '../lambdas/adapters/sqs/sqs-delivery-job-queue.ts';
import { SqsMessageVisibility } from '../lambdas/adapters/sqs/sqs-message-visibility.ts';
import { SqsWaveAnnouncer } from '../lambdas/adapters/sqs/sqs-wave-announcer.ts';
import { systemClock } from '../lambdas/adapters/system-clock.ts';
import { type DeliveryQueueName, DIRECT_PLAN_LIMIT, deliveryQueues } from '../lambdas/contracts/delivery-queues.ts';
import { LOG_LEVEL_ENV } from '../lambdas/contracts/environment.ts';
import { DEFAULT_SEND_BUDGETS, type SendBudgets } from '../lambdas/core/budgets/send-budgets.ts';
import { DEFAULT_SMS_COUNTRIES, type SmsCountries } from '../lambdas/core/budgets/sms-countries.ts';
import { type ConfirmationLink, confirmationUrl } from '../lambdas/core/contacts/confirmation-link.ts';
import { unsubscribeUrl } from '../lambdas/core/contacts/unsubscribe-link.ts';
import type { WaveAnnouncer } from '../lambdas/core/ports/delivery-pipeline.ts';
import type { DailyCaps, DeliveryFailureSink } from '../lambdas/core/ports/stores.ts';
import { subscriberManageUrl } from '../lambdas/core/subscriptions/manage-link.ts';
import { metricsFileOf } from './metrics-file.ts';
import { createOutboxAlertEventPublisher } from './outbox/alert-event-outbox.ts';
import { withInjectedFaults } from './outbox/injected-faults.ts';
import { createOutboxSender } from './outbox/outbox-sender.ts';
import { fauxqsSafeVisibility } from './queues/fauxqs-visibility.ts';

export interface LocalDependencyOptions {
  /** DynamoDB Local's client: every store and handler shares it, as a warm Lambda keeps one. */
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** The local API's origin: confirmation links, feeds and messages point there. */
  readonly apiUrl: string;
  /** JSON lines of every message "sent" (confirmation requests too): SES's and SNS's part. */
  readonly outboxFile: string;
  /** Where the pipeline's senders park jobs that failed for good: the local SQS's delivery-failures queue, or a file in tests. */
  readonly failures: DeliveryFailureSink;
  /** JSON lines of every alert event published: the AlertEvents topic's part (the machine feed). */
  readonly alertEventsFile: string;
  /** The functions' embedded metric format lines, one JSON document a line: what CloudWatch Logs would turn into metrics. */
  readonly metricsFile: string;
  readonly dailyCaps: DailyCaps;
  /** The countries SMS goes to (sms-countries.ts). @default DEFAULT_SMS_COUNTRIES, as in AWS */
  readonly smsCountries?: SmsCountries;
  /** What requests may send a day (send-budgets.ts). @default DEFAULT_SEND_BUDGETS */
  readonly sendBudgets?: SendBudgets;
  /** For the fault tests: `crash-before:N`, `crash-after:N` or `throttle:N` (see injected-faults.ts). */
  readonly injectedFaults?: string;
  /** The delivery pipeline's queues (local SQS): where the announcer, the planner and the shard workers send. */
  readonly queues: { readonly client: SQSClient; queueUrl(name: DeliveryQueueName): string };
  /** Signs unsubscribe and confirmation links (Secrets Manager's part). @default a new random one: links of an earlier run stop working */
  readonly linkSecret?: string;
}

/**
 * The local composition root: every dependency a handler may ask for, over DynamoDB Local, with
 * the outbox where AWS has SES and SNS (a file of its own for the AlertEvents topic). The local
 * runtime and the tests hand it to the handlers' `handlerFor`
 * (handler-registry.ts). Build it once per client: it counts the client's requests.
 */
export const localDependencies = (options: LocalDependencyOptions) => {
  const { client, tableName, apiUrl } = options;
  // Tests and the bench silence the logs, and with them the outbox's one-line echoes.
  const quiet = process.env[LOG_LEVEL_ENV] === 'SILENT' ? { print: () => undefined } : {};
  const linkSecret = options.linkSecret ?? randomBytes(32).toString('base64url');
  const outbox = createOutboxSender({ file: options.outboxFile, now: () => new Date(), ...quiet });
  // Typed as the port, so the local runtime may hold waves back for a replay (held-wave-announcer.ts).
  const announcer: WaveAnnouncer = new SqsWaveAnnouncer(options.queues.client, options.queues.queueUrl('waves'));
  return {
    ...tableStores(client, tableName),
    clock: systemClock,
    requests: countRequests(client),
    /** SES's and SNS's part for confirmations, codes, tests, digests and repeats: the outbox. */
    senders: { email: outbox, sms: outbox },
    /** SES's and SNS's part for the pipeline's senders: the outbox, with the faults asked for. */
    sender: withInjectedFaults(outbox, options.injectedFaults),
    announcer,
    jobs: new SqsDeliveryJobQueue(options.queues.client, {
      shards: options.queues.queueUrl('shards'),
      senders: { email: options.queues.queueUrl('email'), sms: options.queues.queueUrl('sms') },
    }),
    /** A queue's messages' visibility, for a sender's backoff on throttling. */
    messageVisibility: (name: DeliveryQueueName) =>
      fauxqsSafeVisibility(new SqsMessageVisibility(sqsCalls(options.queues.client), options.queues.queueUrl(name))),
    /** The backoff's jitter. */
    random: Math.random,
    planning: { directPlanLimit: DIRECT_PLAN_LIMIT, leaseSeconds: deliveryQueues.waves.timeoutSeconds },
    failures: options.failures,
    alertEventPublisher: createOutboxAlertEventPublisher({
      file: options.alertEventsFile,
      now: () => new Date(),
      ...quiet,
    }),
    serviceMetrics: metricsFileOf(options.metricsFile),
    dailyCaps: options.dailyCaps,
    sendBudgets: options.sendBudgets ?? DEFAULT_SEND_BUDGETS,
    smsCountries: options.smsCountries ?? DEFAULT_SMS_COUNTRIES,
    apiUrl,
    manageUrl: manageWatchesUrl(apiUrl),
    retry: retryPolicy,
    newCode: newSmsCode,
    newId: randomUUID,
    newKey: newFeedKey,
    linkSecret: async () => linkSecret,
    unsubscribeUrl: async (contact: string) => unsubscribeUrl(apiUrl, linkSecret, contact),
    subscriberManageUrl: async (contact: string) => subscriberManageUrl(apiUrl, linkSecret, contact),
    confirmationUrl: async (link: ConfirmationLink) => confirmationUrl(apiUrl, linkSecret, link),
  };
};

export type LocalDependencies = ReturnType<typeof localDependencies>;
