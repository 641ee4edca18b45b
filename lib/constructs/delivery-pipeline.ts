import type { RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { deliveryEntries, deliveryQueues } from '../../lambdas/contracts/delivery-queues.ts';
import {
  DELIVERY_QUEUE_URL_ENV,
  FAILURE_QUEUE_URL_ENV,
  PUBLIC_API_URL_ENV,
  SEND_BUDGET_ENV,
} from '../../lambdas/contracts/environment.ts';
import { waveAnnouncerStream } from '../../lambdas/contracts/streams.ts';
import type { AlarmedDeadLetterQueue } from './alarmed-dead-letter-queue.ts';
import type { BaseFunction } from './base-function.ts';
import type { DataTable } from './data-table.ts';
import { type EmailSending, grantSmsToPhoneNumbers } from './notifications.ts';
import { defaultQueueLimits, QueueConsumer } from './queue-consumer.ts';

/**
 * A sender's queue holds one job per contact of a wave: ten thousand watches make ten thousand
 * jobs at once, which the senders work through at their provider's rate. A text deferred for want
 * of the day's budget waits for the next UTC day, and sets the age alarm off: the budget is spent.
 */
const senderQueueLimits = {
  ...defaultQueueLimits,
  maxDepth: 10_000,
  reason:
    "Its senders are failing or throttled by the provider, or (SMS) the deployment's texts of the day are spent and texts wait for the next UTC day.",
} as const;

import { TableStreamConsumer } from './table-stream-consumer.ts';

export interface DeliveryPipelineProps {
  readonly table: DataTable;
  /** Where the senders park messages refused for good. */
  readonly deliveryFailures: AlarmedDeadLetterQueue;
  readonly emailSending: EmailSending;
  /** The API's base URL: messages link back to where watches are managed and unsubscribed. */
  readonly publicApiUrl: string;
  /**
   * Senders at once per channel: what keeps each under its provider's rate (SES's sending quota,
   * the account's SMS throughput). `cdk synth -c emailSenders=40 -c smsSenders=4`.
   * @default deliveryQueues.email / .sms maximumConcurrency
   */
  readonly maximumSenders?: { readonly email?: number; readonly sms?: number };
  /** The deployment's texts a day, alerts included, when not the default (`-c budgetAccountTextsPerDay`). */
  readonly accountTextsPerDay?: number;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * Delivery, as a pipeline of small functions joined by queues: the announcer puts each new wave
 * of alert events on the wave queue (delayed by the grouping window); the planner plans it once,
 * directly or through one job per contact shard for the shard workers; each contact's job goes to
 * its channel's queue, whose sender claims, sends and records it. Every queue has an alarmed
 * dead-letter queue; every function may send only to the next queue. The hourly job's digests and
 * repeats go to the senders' queues too (grantQueueJobs).
 */
export class DeliveryPipeline extends Construct {
  readonly announcer: TableStreamConsumer;
  readonly planner: QueueConsumer;
  readonly shardWorkers: QueueConsumer;
  readonly emailSender: QueueConsumer;
  readonly smsSender: QueueConsumer;

  constructor(scope: Construct, id: string, props: DeliveryPipelineProps) {
    super(scope, id);
    const logRemovalPolicy = props.logRemovalPolicy;

    this.announcer = new TableStreamConsumer(this, 'Announcer', {
      table: props.table,
      entry: deliveryEntries.announcer,
      description: 'Announces each new wave of alert events to the planner (DynamoDB stream)',
      stream: waveAnnouncerStream,
      // Reads the events from the stream records; never the table.
      tableAccess: 'stream-only',
      memorySize: 256,
      logRemovalPolicy,
    });
    this.planner = new QueueConsumer(this, 'Planner', {
      entry: deliveryEntries.planner,
      description: 'Plans each wave of alert events once: per-contact jobs, or one job per contact shard (SQS)',
      settings: deliveryQueues.waves,
      memorySize: 1024,
      logRemovalPolicy,
    });
    this.shardWorkers = new QueueConsumer(this, 'ShardWorkers', {
      entry: deliveryEntries.shardWorker,
      description: "Matches one contact shard's watches against a wave, one job per contact (SQS)",
      settings: deliveryQueues.shards,
      memorySize: 1024,
      logRemovalPolicy,
    });
    const senders = { email: props.maximumSenders?.email, sms: props.maximumSenders?.sms };
    this.emailSender = new QueueConsumer(this, 'EmailSender', {
      entry: deliveryEntries.emailSender,
      description: 'Sends each contact its email for a wave, once (SQS, SES)',
      settings: {
        ...deliveryQueues.email,
        maximumConcurrency: senders.email ?? deliveryQueues.email.maximumConcurrency,
      },
      alarmLimits: senderQueueLimits,
      // Reads the secret that signs unsubscribe links.
      paramsAndSecrets: props.emailSending.secretsExtension,
      logRemovalPolicy,
    });
    this.smsSender = new QueueConsumer(this, 'SmsSender', {
      entry: deliveryEntries.smsSender,
      description: 'Sends each contact its SMS for a wave, once (SQS, SNS)',
      settings: { ...deliveryQueues.sms, maximumConcurrency: senders.sms ?? deliveryQueues.sms.maximumConcurrency },
      alarmLimits: senderQueueLimits,
      // Reads the secret that signs the manage links of numbers that signed themselves up.
      paramsAndSecrets: props.emailSending.secretsExtension,
      logRemovalPolicy,
    });

    sendsTo(this.announcer.handler, [['waves', this.planner]]);
    const senderQueues = this.#senderQueues();
    // The planner announces again a wave another planner holds.
    sendsTo(this.planner.handler, [['waves', this.planner], ['shards', this.shardWorkers], ...senderQueues]);
    sendsTo(this.shardWorkers.handler, senderQueues);
    this.planner.handler.bindTable(props.table, 'read-write');
    this.shardWorkers.handler.bindTable(props.table, 'read-write');

    for (const [name, sender] of senderQueues) {
      const fn = sender.handler;
      // Its own queue, where it delays a throttled job (ChangeMessageVisibility, granted with the event source).
      fn.function.addEnvironment(DELIVERY_QUEUE_URL_ENV[name], sender.queue.queueUrl);
      fn.bindTable(props.table, 'read-write');
      fn.function.addEnvironment(PUBLIC_API_URL_ENV, props.publicApiUrl);
      fn.function.addEnvironment(FAILURE_QUEUE_URL_ENV, props.deliveryFailures.queue.queueUrl);
      props.deliveryFailures.queue.grantSendMessages(fn.function);
    }
    props.emailSending.grantSendEmail(this.emailSender.handler);
    props.emailSending.grantUnsubscribeSecret(this.emailSender.handler);
    props.emailSending.grantUnsubscribeSecret(this.smsSender.handler);
    grantSmsToPhoneNumbers(this.smsSender.handler);
    if (props.accountTextsPerDay !== undefined)
      this.smsSender.handler.function.addEnvironment(
        SEND_BUDGET_ENV.accountTextsPerDay,
        String(props.accountTextsPerDay),
      );
  }

  /** Lets a function that plans messages outside a wave (the hourly job's digests and repeats) put their jobs on the senders' queues. */
  grantQueueJobs(fn: BaseFunction): void {
    sendsTo(fn, this.#senderQueues());
  }

  #senderQueues() {
    return [
      ['email', this.emailSender],
      ['sms', this.smsSender],
    ] as const;
  }
}

/** Gives the function each queue's URL and the right to send to it. */
const sendsTo = (
  fn: BaseFunction,
  queues: readonly (readonly [keyof typeof DELIVERY_QUEUE_URL_ENV, QueueConsumer])[],
) => {
  for (const [name, consumer] of queues) {
    fn.function.addEnvironment(DELIVERY_QUEUE_URL_ENV[name], consumer.queue.queueUrl);
    consumer.queue.grantSendMessages(fn.function);
  }
};
