import { Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ParamsAndSecretsLayerVersion } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { SEND_BUDGET_ENV, SMS_COUNTRIES_ENV } from '../../lambdas/contracts/environment.ts';
import { AlarmedDeadLetterQueue } from './alarmed-dead-letter-queue.ts';
import type { BaseFunction } from './base-function.ts';

/** What lets a function send email as the service (the identity and configuration set) and sign its links (EmailChannel). */
export interface EmailSending {
  readonly secretsExtension: ParamsAndSecretsLayerVersion;
  grantSendEmail(fn: BaseFunction): void;
  grantUnsubscribeSecret(fn: BaseFunction): void;
}

/**
 * SMS to phone numbers, and nothing else SNS publishes to: Publish with a PhoneNumber and the
 * opt-out check have no resource to scope to, so they are allowed on `*`, and Publish to any
 * topic or platform endpoint (which names its ARN) is denied.
 */
export const grantSmsToPhoneNumbers = (fn: BaseFunction): void => {
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'SmsToPhoneNumbers',
      actions: ['sns:Publish', 'sns:CheckIfPhoneNumberIsOptedOut'],
      resources: ['*'],
    }),
  );
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'NoTopicsOrEndpoints',
      effect: Effect.DENY,
      actions: ['sns:Publish'],
      resources: [`arn:${Stack.of(fn).partition}:sns:*:*:*`],
    }),
  );
  Validations.of(fn.role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'SMS is published to a phone number, not a topic (Publish with PhoneNumber), and CheckIfPhoneNumberIsOptedOut has no resource type: neither can be scoped to a resource ARN. A Deny on every SNS ARN of the account leaves phone numbers only.',
  });
};

/** Send budgets a deployment sets (lambdas/core/budgets/send-budgets.ts has the defaults), by name. */
export type SendBudgetOverrides = Partial<Readonly<Record<keyof typeof SEND_BUDGET_ENV, number>>>;

export interface NotificationsProps {
  readonly emailSending: EmailSending;
  /** Daily send budgets that differ from the defaults. */
  readonly sendBudgets?: SendBudgetOverrides;
  /** `*` or comma-separated calling codes; the functions' default list when absent. */
  readonly smsCountries?: string;
}

/**
 * What the functions that message people outside the delivery pipeline need (confirmation
 * requests, codes, tests, digests and repeats): SES for email as the configured identity, SNS
 * for SMS to phone numbers only, and the secret that signs confirmation and unsubscribe links.
 * `grantNotify` hands all of it to a function. What they give up on is logged and counted
 * (MessagesFailed, alarmed in ServiceAlarms), not queued: it has no job `redrive` could replay.
 * The alarmed delivery-failures queue is the pipeline senders', whose failures carry their job.
 */
export class Notifications extends Construct {
  /** Where the pipeline's senders park jobs whose message failed for good, for `redrive` once the cause is fixed. */
  readonly deliveryFailures: AlarmedDeadLetterQueue;
  readonly #emailSending: EmailSending;
  readonly #sendBudgets: SendBudgetOverrides;
  readonly #smsCountries: string | undefined;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    this.#emailSending = props.emailSending;
    this.#sendBudgets = props.sendBudgets ?? {};
    this.#smsCountries = props.smsCountries;
    this.deliveryFailures = new AlarmedDeadLetterQueue(this, 'DeliveryFailures', {
      description: 'Alert delivery',
      alarmDescription:
        'Alert delivery: a message to a contact failed for good and was parked in the delivery-failures queue.',
    });
    Validations.of(this.deliveryFailures.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter store of alert delivery: the functions send it the messages they gave up on (sqs:SendMessage), for an operator to inspect; nothing consumes it to redrive into another queue.',
    });
  }

  /** Lets the function send email and SMS, and sign links. It must have been built with the secrets extension. */
  grantNotify(fn: BaseFunction): void {
    this.#emailSending.grantSendEmail(fn);
    this.#emailSending.grantUnsubscribeSecret(fn);
    grantSmsToPhoneNumbers(fn);
    for (const [budget, name] of Object.entries(SEND_BUDGET_ENV)) {
      const limit = this.#sendBudgets[budget as keyof typeof SEND_BUDGET_ENV];
      if (limit !== undefined) fn.function.addEnvironment(name, String(limit));
    }
    if (this.#smsCountries !== undefined) fn.function.addEnvironment(SMS_COUNTRIES_ENV, this.#smsCountries);
  }
}
