import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { checkTopicPrefix } from '../../lambdas/contracts/contact-topics.ts';
import { FAILURE_QUEUE_URL_ENV, SNS_NOTIFIER_ENV } from '../../lambdas/contracts/environment.ts';
import { AlarmedDeadLetterQueue } from './alarmed-dead-letter-queue.ts';
import type { BaseFunction } from './base-function.ts';

/** Publish to a phone number and the opt-out check: SNS gives neither a resource to scope to. */
export const smsToPhoneNumbers = (): PolicyStatement =>
  new PolicyStatement({
    sid: 'SmsToPhoneNumbers',
    actions: ['sns:Publish', 'sns:CheckIfPhoneNumberIsOptedOut'],
    resources: ['*'],
  });

export interface NotificationsProps {
  /**
   * Starts the name of every contact topic the functions create, so that IAM and the dead-letter
   * queue's policy can match `<prefix>*`. Letters, digits, `-` and `_` (see lambdas/contracts/contact-topics.ts).
   * @default `${stackName}-contact-`
   */
  readonly topicPrefix?: string;
  /** What happens to the key when it leaves the stack. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * What sending email and SMS through SNS needs: the KMS key that encrypts the contact topics the
 * functions create at run time (one per email contact, named `<topicPrefix><hash>`), the alarmed
 * queue SNS redrives undeliverable messages of those topics' subscriptions to, and the alarmed queue
 * where the functions park messages they gave up on. `grantNotify` hands all of it to a function.
 */
export class Notifications extends Construct {
  readonly key: Key;
  readonly topicPrefix: string;
  /** `arn:<partition>:sns:<region>:<account>:<topicPrefix>*`: this stack's contact topics and their subscriptions. */
  readonly contactTopicsArn: string;
  /** Target of every contact subscription's RedrivePolicy; SNS writes to it, encrypted with `key`. */
  readonly subscriptionDeadLetters: AlarmedDeadLetterQueue;
  /** Where the functions put messages that failed for good (opted-out numbers, rejected messages, exhausted retries). */
  readonly deliveryFailures: AlarmedDeadLetterQueue;

  constructor(scope: Construct, id: string, props: NotificationsProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    this.topicPrefix = props.topicPrefix ?? `${stack.stackName}-contact-`;
    // The functions check it again at cold start; here a bad prefix fails the synth instead of the first delivery.
    checkTopicPrefix(this.topicPrefix);
    // Subscription ARNs are `<topic ARN>:<id>`, so the pattern covers the subscriptions too.
    this.contactTopicsArn = stack.formatArn({ service: 'sns', resource: `${this.topicPrefix}*` });

    this.key = new Key(this, 'Key', {
      description: `${stack.stackName}: encrypts the contact topics (SNS) and their subscriptions' dead-letter queue (SQS)`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    // SNS itself encrypts what it redrives into the dead-letter queue, so the key must let the
    // service principal use it, for this stack's contact topics only. The ARN pattern pins the
    // account and region, so aws:SourceAccount would add nothing to it.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'ContactTopicsRedriveToEncryptedQueue',
        principals: [new ServicePrincipal('sns.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { ArnLike: { 'aws:SourceArn': this.contactTopicsArn } },
      }),
    );

    this.subscriptionDeadLetters = new AlarmedDeadLetterQueue(this, 'SubscriptionDeadLetters', {
      description: 'Email delivery (SNS)',
      alarmDescription:
        "Email delivery (SNS): SNS gave up delivering a contact topic's message (the mail server refused it or kept failing) and redrove it here.",
      // A queue with SQS-managed or AWS-managed encryption cannot be an SNS dead-letter queue.
      encryptionKey: this.key,
    });
    this.subscriptionDeadLetters.queue.addToResourcePolicy(
      new PolicyStatement({
        sid: 'ContactTopicsRedrive',
        principals: [new ServicePrincipal('sns.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [this.subscriptionDeadLetters.queue.queueArn],
        conditions: { ArnLike: { 'aws:SourceArn': this.contactTopicsArn } },
      }),
    );

    this.deliveryFailures = new AlarmedDeadLetterQueue(this, 'DeliveryFailures', {
      description: 'Alert delivery',
      alarmDescription:
        'Alert delivery: a message to a contact failed for good and was parked in the delivery-failures queue.',
    });

    Validations.of(this.subscriptionDeadLetters.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is the dead-letter queue of the contact topics' email subscriptions: the RedrivePolicy that names it is set on each subscription by the functions at run time (Subscribe), which cdk-nag cannot see in the template.",
    });
    Validations.of(this.deliveryFailures.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter store of alert delivery: the functions send it the messages they gave up on (sqs:SendMessage), for an operator to inspect; nothing consumes it to redrive into another queue.',
    });
  }

  /**
   * Lets the function send through the SNS notifier: its settings in the environment, and only the
   * calls lambdas/adapters/sns/sns-notifier.ts makes, on this stack's contact topics.
   */
  grantNotify(fn: BaseFunction): void {
    fn.function.addEnvironment(SNS_NOTIFIER_ENV.kmsKeyId, this.key.keyArn);
    fn.function.addEnvironment(SNS_NOTIFIER_ENV.deadLetterQueueArn, this.subscriptionDeadLetters.queue.queueArn);
    fn.function.addEnvironment(SNS_NOTIFIER_ENV.topicPrefix, this.topicPrefix);
    fn.function.addEnvironment(FAILURE_QUEUE_URL_ENV, this.deliveryFailures.queue.queueUrl);

    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ContactTopics',
        // GetSubscriptionAttributes is authorised against the subscription's topic.
        actions: ['sns:CreateTopic', 'sns:Publish', 'sns:GetSubscriptionAttributes', 'sns:ListSubscriptionsByTopic'],
        resources: [this.contactTopicsArn],
      }),
    );
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ContactTopicsEmailSubscriptions',
        // The notifier subscribes email addresses only; nothing can attach a queue, a function or an HTTP endpoint.
        actions: ['sns:Subscribe'],
        resources: [this.contactTopicsArn],
        conditions: { StringEquals: { 'sns:Protocol': 'email' } },
      }),
    );
    fn.role.addToPrincipalPolicy(smsToPhoneNumbers());
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ContactTopicsEncryption',
        // What a publisher to a KMS-encrypted topic needs (SNS asks KMS for a data key on its behalf).
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: [this.key.keyArn],
      }),
    );
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'DeliveryFailures',
        actions: ['sqs:SendMessage'],
        resources: [this.deliveryFailures.queue.queueArn],
      }),
    );

    const stack = Stack.of(this);
    Validations.of(fn.role).acknowledge(
      {
        // Recorded beside BaseFunction's X-Ray reason for the same finding: the `*` statements hold both.
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'SMS is published to a phone number, not a topic (Publish with PhoneNumber), and CheckIfPhoneNumberIsOptedOut has no resource type: neither can be scoped to a resource ARN, so SmsToPhoneNumbers names only those two actions.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${nagArn(stack.resolve(this.contactTopicsArn))}]`,
        reason: `The contact topics are created at run time, one per email contact (CreateTopic); the wildcard covers only this stack's topics (names start with "${this.topicPrefix}") and their subscriptions.`,
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        reason:
          'SNS documents kms:GenerateDataKey* with kms:Decrypt as what a publisher to a KMS-encrypted topic needs; the statement is scoped to the one key of the contact topics.',
      },
    );
  }
}

/** How cdk-nag spells a resolved ARN in a finding id: `{Ref: X}` as `<X>`, Fn::Join concatenated. */
function nagArn(resolved: unknown): string {
  if (typeof resolved === 'string') return resolved;
  if (typeof resolved === 'object' && resolved !== null) {
    if ('Ref' in resolved) return `<${String(resolved.Ref)}>`;
    if ('Fn::Join' in resolved) {
      const [separator, parts] = resolved['Fn::Join'] as [string, unknown[]];
      return parts.map(nagArn).join(separator);
    }
  }
  throw new Error(`cannot name ${JSON.stringify(resolved)} as cdk-nag does`);
}
