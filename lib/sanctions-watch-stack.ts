import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import {
  DELIVERY_FAILURES_OUTPUT,
  type DeliveryQueueName,
  deliveryQueueOutputs,
} from '../lambdas/contracts/delivery-queues.ts';
import { SEND_BUDGET_ENV } from '../lambdas/contracts/environment.ts';
import { scheduledDeliveryEntry } from '../lambdas/contracts/scheduled-entries.ts';
import {
  changeDetectionEntry,
  changeDetectionStream,
  type StreamConsumerName,
  streamConsumerOutputs,
} from '../lambdas/contracts/streams.ts';
import { AlertEventFeed, alertEventSubscriberAccounts } from './constructs/alert-event-feed.ts';
import { BaseFunction } from './constructs/base-function.ts';
import { DataTable } from './constructs/data-table.ts';
import { DeliveryPipeline } from './constructs/delivery-pipeline.ts';
import { EmailChannel } from './constructs/email-channel.ts';
import { FunctionFailureAlarms } from './constructs/function-alarms.ts';
import { ServiceHttpApi } from './constructs/http-api.ts';
import { Migrations } from './constructs/migrations.ts';
import { Notifications, type SendBudgetOverrides } from './constructs/notifications.ts';
import { OpsDashboard } from './constructs/ops-dashboard.ts';
import { OpsTopic, opsEmailContext } from './constructs/ops-topic.ts';
import type { QueueConsumer } from './constructs/queue-consumer.ts';
import { ReferenceDataSeed } from './constructs/reference-data-seed.ts';
import { RouteFunctions } from './constructs/route-functions.ts';
import { defaultCheckSchedule, ScheduledDeadlineCheck } from './constructs/scheduled-deadline-check.ts';
import { ScheduledJob } from './constructs/scheduled-job.ts';
import { ServiceAlarms } from './constructs/service-alarms.ts';
import { SmsSpendLimit, smsMonthlySpendLimitContext } from './constructs/sms-spend-limit.ts';
import { SourceCheck, sourceCheckContext } from './constructs/source-check.ts';
import { TableStreamConsumer } from './constructs/table-stream-consumer.ts';
import { UserDirectory } from './constructs/user-directory.ts';

/** Hourly, on the hour (UTC): re-announcements and digests. */
export const scheduledDeliverySchedule = 'cron(0 * * * ? *)';

/** A reserved domain (RFC 2606): until `-c emailFrom=` names a verified one, SES refuses to send and the failures alarm. */
export const defaultEmailFrom = 'alerts@sanctions-watch.example';

/**
 * `cdk synth -c emailFrom=alerts@example.org [-c emailIdentity=example.org]`: the From address of
 * every email, and the SES identity verified for it (by default the address's domain).
 */
export function emailSender(scope: Construct): { readonly fromAddress: string; readonly identity?: string } {
  const fromAddress: unknown = scope.node.tryGetContext('emailFrom') ?? defaultEmailFrom;
  const identity: unknown = scope.node.tryGetContext('emailIdentity');
  if (typeof fromAddress !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(fromAddress))
    throw new Error(`Context emailFrom must be an email address, got ${JSON.stringify(fromAddress)}`);
  if (identity !== undefined && (typeof identity !== 'string' || identity.trim() === ''))
    throw new Error(`Context emailIdentity must be a domain or an email address, got ${JSON.stringify(identity)}`);
  return { fromAddress, ...(typeof identity === 'string' ? { identity } : {}) };
}

/**
 * `cdk synth -c emailSenders=40 -c smsSenders=4`: senders at once per channel, what holds each
 * under its provider's rate (see docs/scaling.md). Checked here, since Lambda takes 2 to 1,000.
 */
export function maximumSenders(scope: Construct): { readonly email?: number; readonly sms?: number } {
  const read = (name: 'emailSenders' | 'smsSenders'): number | undefined => {
    const value: unknown = scope.node.tryGetContext(name);
    if (value === undefined) return undefined;
    const count = Number(value);
    if (!Number.isInteger(count) || count < 2 || count > 1000)
      throw new Error(`Context ${name} must be a whole number from 2 to 1000, got ${JSON.stringify(value)}`);
    return count;
  };
  const email = read('emailSenders');
  const sms = read('smsSenders');
  return { ...(email === undefined ? {} : { email }), ...(sms === undefined ? {} : { sms }) };
}

/**
 * `cdk synth -c budgetCodesPerNumber=3 ...`: the daily send budgets (lambdas/core/budgets/send-budgets.ts),
 * each context key `budget` + the budget's name capitalised; a budget left out keeps its default.
 * Checked here, so a bad value fails the synth and not the first request.
 */
export function sendBudgetsContext(scope: Construct): SendBudgetOverrides {
  const budgets: Partial<Record<keyof typeof SEND_BUDGET_ENV, number>> = {};
  for (const name of Object.keys(SEND_BUDGET_ENV) as (keyof typeof SEND_BUDGET_ENV)[]) {
    const key = `budget${name[0]?.toUpperCase()}${name.slice(1)}`;
    const value: unknown = scope.node.tryGetContext(key);
    if (value === undefined) continue;
    const limit = Number(value);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
      throw new Error(`Context ${key} must be a whole number from 1 to 10000, got ${JSON.stringify(value)}`);
    budgets[name] = limit;
  }
  return budgets;
}

/**
 * `cdk synth -c smsCountries=1,44,33` (country calling codes) or `-c smsCountries=*`: where SMS
 * may go. Left out, the functions keep their documented default list (sms-countries.ts).
 */
export function smsCountriesContext(scope: Construct): string | undefined {
  const value: unknown = scope.node.tryGetContext('smsCountries');
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (text !== '*' && !/^[1-9]\d{0,2}(,[1-9]\d{0,2})*$/.test(text.replace(/\s/g, '')))
    throw new Error(
      `Context smsCountries must be * or country calling codes such as 1,44, got ${JSON.stringify(value)}`,
    );
  return text.replace(/\s/g, '');
}

/** `cdk synth -c dev=true` builds a throwaway stack whose data, users and logs are destroyed with it. */
export function isDevStack(scope: Construct): boolean {
  const flag: unknown = scope.node.tryGetContext('dev');
  return flag === true || flag === 'true';
}

/**
 * `cdk deploy -c production=true`: the production stack, which CloudFormation refuses to delete
 * (termination protection) until someone turns that off on purpose.
 */
export function isProductionStack(scope: Construct): boolean {
  const flag: unknown = scope.node.tryGetContext('production');
  return flag === true || flag === 'true';
}

/**
 * `cdk synth -c 'checkSchedule=rate(1 hour)'` overrides when the deadline check runs; any EventBridge
 * `cron(...)` or `rate(...)` expression. Checked here because EventBridge would only reject it on deploy.
 */
export function checkSchedule(scope: Construct): Schedule {
  const value: unknown = scope.node.tryGetContext('checkSchedule') ?? defaultCheckSchedule;
  if (typeof value !== 'string' || !/^(cron|rate)\(.+\)$/.test(value.trim())) {
    throw new Error(
      `Context checkSchedule must be an EventBridge cron(...) or rate(...) expression, got ${JSON.stringify(value)}`,
    );
  }
  return Schedule.expression(value.trim());
}

const withEmail = (email: string | undefined) => (email === undefined ? {} : { email });

export class SanctionsWatchStack extends Stack {
  readonly table: DataTable;
  readonly users: UserDirectory;
  readonly api: ServiceHttpApi;
  /** The API's functions and routes, in a nested stack of their own. */
  readonly routeFunctions: RouteFunctions;
  readonly seed: ReferenceDataSeed;
  readonly migrations: Migrations;
  readonly deadlineCheck: ScheduledDeadlineCheck;
  readonly changeDetection: TableStreamConsumer;
  readonly notifications: Notifications;
  readonly email: EmailChannel;
  readonly delivery: DeliveryPipeline;
  readonly scheduledDelivery: ScheduledJob;
  readonly sourceCheck: SourceCheck;
  readonly alertEvents: AlertEventFeed;
  readonly ops: OpsTopic;
  readonly smsSpendLimit: SmsSpendLimit;
  readonly serviceAlarms: ServiceAlarms;
  readonly dashboard: OpsDashboard;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    if (isProductionStack(this)) this.terminationProtection = true;
    const removalPolicy = isDevStack(this) ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.table = new DataTable(this, 'Data', { removalPolicy });
    this.seed = new ReferenceDataSeed(this, 'ReferenceDataSeed', {
      table: this.table,
      logRemovalPolicy: removalPolicy,
    });
    this.migrations = new Migrations(this, 'Migrations', { table: this.table, logRemovalPolicy: removalPolicy });
    this.users = new UserDirectory(this, 'Users', { removalPolicy, logRemovalPolicy: removalPolicy });
    this.api = new ServiceHttpApi(this, 'HttpApi', {
      tokenIssuer: { issuerUrl: this.users.issuerUrl, audience: [this.users.apiClient.userPoolClientId] },
      logRemovalPolicy: removalPolicy,
    });
    this.email = new EmailChannel(this, 'Email', {
      ...emailSender(this),
      table: this.table,
      removalPolicy,
      logRemovalPolicy: removalPolicy,
    });
    const sendBudgets = sendBudgetsContext(this);
    this.notifications = new Notifications(this, 'Notifications', {
      emailSending: this.email,
      sendBudgets,
      smsCountries: smsCountriesContext(this),
    });
    // The stage URL is built from the API's id alone (not the stage or routes), so functions can
    // carry it without a cycle: routes and integrations depend on functions, the API on nothing.
    const publicApiUrl = this.api.url;

    this.routeFunctions = new RouteFunctions(this, 'RouteFunctions', {
      api: this.api,
      table: this.table,
      notifications: this.notifications,
      email: this.email,
      publicApiUrl,
      logRemovalPolicy: removalPolicy,
    });

    this.deadlineCheck = new ScheduledDeadlineCheck(this, 'DeadlineCheck', {
      table: this.table,
      schedule: checkSchedule(this),
      logRemovalPolicy: removalPolicy,
    });

    this.changeDetection = new TableStreamConsumer(this, 'ChangeDetection', {
      table: this.table,
      entry: changeDetectionEntry,
      description: 'Detects changed reports and figures and records alert events (DynamoDB stream)',
      stream: changeDetectionStream,
      // Writes the alert events it derives from the changes.
      tableAccess: 'read-write',
      logRemovalPolicy: removalPolicy,
    });

    this.delivery = new DeliveryPipeline(this, 'Delivery', {
      table: this.table,
      deliveryFailures: this.notifications.deliveryFailures,
      emailSending: this.email,
      publicApiUrl,
      maximumSenders: maximumSenders(this),
      ...(sendBudgets.accountTextsPerDay === undefined ? {} : { accountTextsPerDay: sendBudgets.accountTextsPerDay }),
      logRemovalPolicy: removalPolicy,
    });

    this.scheduledDelivery = new ScheduledJob(this, 'ScheduledDelivery', {
      entry: scheduledDeliveryEntry,
      description:
        "Plans the hour's reminders of what is still overdue and its digests, for the senders (EventBridge schedule)",
      ruleDescription: 'Starts the hourly delivery run',
      deadLetterDescription: 'Scheduled delivery',
      schedule: Schedule.expression(scheduledDeliverySchedule),
      // Reads every repeating watch and the hour's digest queue; the senders send.
      timeout: Duration.minutes(5),
      memorySize: 1024,
      table: this.table,
      // Removes the digest entries it has queued.
      tableAccess: 'read-write',
      // An event older than an hour has been overtaken by the next run.
      maxEventAge: Duration.hours(1),
      logRemovalPolicy: removalPolicy,
    });
    this.delivery.grantQueueJobs(this.scheduledDelivery.handler);

    this.sourceCheck = new SourceCheck(this, 'SourceCheck', {
      table: this.table,
      settings: sourceCheckContext(this),
      logRemovalPolicy: removalPolicy,
    });

    this.alertEvents = new AlertEventFeed(this, 'AlertEvents', {
      table: this.table,
      subscriberAccounts: alertEventSubscriberAccounts(this),
      removalPolicy,
    });

    const smsMonthlySpendLimitUsd = smsMonthlySpendLimitContext(this);
    this.smsSpendLimit = new SmsSpendLimit(this, 'SmsSpendLimit', {
      monthlyLimitUsd: smsMonthlySpendLimitUsd,
      logRemovalPolicy: removalPolicy,
    });
    this.serviceAlarms = new ServiceAlarms(this, 'ServiceAlarms', {
      api: this.api.api,
      smsMonthlySpendLimitUsd,
    });
    // findAll reaches into the nested stack: the route functions are alarmed and drawn here too, by
    // the names their stack outputs (one output each; the nested stack's alarms would save them, the
    // dashboard would not).
    const functions = this.node.findAll().filter((construct) => construct instanceof BaseFunction);
    new FunctionFailureAlarms(
      this,
      'FunctionFailures',
      functions.map((fn) => ({ fn: fn.function, description: fn.node.path.slice(`${this.node.path}/`.length) })),
    );
    this.ops = new OpsTopic(this, 'Ops', { removalPolicy, ...withEmail(opsEmailContext(this)) });
    // Every alarm of the stack, wherever it was made, reaches the operators.
    for (const alarm of this.node.findAll().filter((construct) => construct instanceof Alarm)) this.ops.notify(alarm);
    this.dashboard = new OpsDashboard(this, 'Dashboard', {
      functions,
      queues: {
        waves: this.delivery.planner.queue,
        shards: this.delivery.shardWorkers.queue,
        email: this.delivery.emailSender.queue,
        sms: this.delivery.smsSender.queue,
        'delivery failures': this.notifications.deliveryFailures.queue,
      },
      smsMonthlySpendLimitUsd,
    });

    new CfnOutput(this, 'OpsTopicArn', {
      value: this.ops.topic.topicArn,
      description: 'Where every alarm goes: subscribe an address (-c opsEmail=) or an AWS Chatbot channel',
    });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', {
      value: this.users.userPool.userPoolId,
      description: 'Cognito user pool of API users (admin-create-user, admin-add-user-to-group)',
    });
    new CfnOutput(this, 'UserPoolClientId', {
      value: this.users.apiClient.userPoolClientId,
      description: 'App client for `aws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH`',
    });
    new CfnOutput(this, DELIVERY_FAILURES_OUTPUT, {
      value: this.notifications.deliveryFailures.queue.queueUrl,
      description:
        'Messages to contacts that failed for good (alarmed), each with its job: `sanctions-watch redrive` sends them again',
    });
    const consumers = {
      waves: this.delivery.planner,
      shards: this.delivery.shardWorkers,
      email: this.delivery.emailSender,
      sms: this.delivery.smsSender,
    };
    for (const [name, consumer] of Object.entries(consumers) as [DeliveryQueueName, QueueConsumer][]) {
      const outputs = deliveryQueueOutputs[name];
      new CfnOutput(this, outputs.queue, {
        value: consumer.queue.queueUrl,
        description: `The delivery pipeline's ${name} queue`,
      });
      new CfnOutput(this, outputs.deadLetters, {
        value: consumer.deadLetters.queue.queueUrl,
        description: `The ${name} queue's dead-letter queue (alarmed): \`sanctions-watch redrive\` moves its messages back`,
      });
    }
    const streamConsumers: Record<StreamConsumerName, TableStreamConsumer> = {
      detectChanges: this.changeDetection,
      announceWaves: this.delivery.announcer,
      publishAlertEvents: this.alertEvents.publisher,
    };
    for (const [name, consumer] of Object.entries(streamConsumers) as [StreamConsumerName, TableStreamConsumer][]) {
      const outputs = streamConsumerOutputs[name];
      new CfnOutput(this, outputs.failures, {
        value: consumer.failures.queue.queueUrl,
        description: `Where the ${name} stream consumer's failed batches are recorded (alarmed): \`sanctions-watch redrive --queue streams\` replays them`,
      });
      new CfnOutput(this, outputs.functionName, {
        value: consumer.handler.function.functionName,
        description: `The ${name} stream consumer, which the stream redrive invokes again`,
      });
    }
    new CfnOutput(this, 'EmailConfigurationSet', {
      value: this.email.configurationSet.configurationSetName,
      description: 'SES configuration set of every email: suppression of bounces and complaints, and their events',
    });
    new CfnOutput(this, 'AlertEventsTopicArn', {
      value: this.alertEvents.topic.topicArn,
      description:
        'Every stored alert event, with type, state, obligation and metric attributes: subscribe a queue, function or HTTPS endpoint with a filter policy',
    });
  }
}
