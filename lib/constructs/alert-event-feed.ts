import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccountPrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ALERT_EVENTS_TOPIC_ARN_ENV } from '../../lambdas/contracts/environment.ts';
import { alertEventPublishEntry, alertEventPublishStream } from '../../lambdas/contracts/streams.ts';
import type { DataTable } from './data-table.ts';
import { TableStreamConsumer } from './table-stream-consumer.ts';

/** What may subscribe from another account: machines, never people (no email, no SMS). */
export const subscriberProtocols = ['sqs', 'lambda', 'https'] as const;

export interface AlertEventFeedProps {
  readonly table: DataTable;
  /**
   * AWS accounts whose principals may subscribe their own queues, functions and HTTPS endpoints to
   * the topic (sns:Subscribe in the topic policy). Without any, subscriptions are added by this
   * account, as for any topic. @default none
   */
  readonly subscriberAccounts?: readonly string[];
  /** What happens to the key and the function's logs when they leave the stack. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The machine feed: the AlertEvents SNS topic, to which a stream consumer publishes every stored
 * alert event with its `type`, `state`, `obligation` and `metric` as message attributes, for
 * subscriptions to filter on. The topic is encrypted with a key of its own and refuses publishing
 * without TLS; only the consumer may publish to it.
 */
export class AlertEventFeed extends Construct {
  readonly key: Key;
  readonly topic: Topic;
  readonly publisher: TableStreamConsumer;

  constructor(scope: Construct, id: string, props: AlertEventFeedProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.key = new Key(this, 'Key', {
      description: `${stack.stackName}: encrypts the AlertEvents topic (SNS)`,
      enableKeyRotation: true,
      removalPolicy,
    });
    this.topic = new Topic(this, 'Topic', {
      displayName: 'sanctions-watch alert events',
      masterKey: this.key,
      enforceSSL: true,
    });
    const accounts = props.subscriberAccounts ?? [];
    if (accounts.length > 0) {
      this.topic.addToResourcePolicy(
        new PolicyStatement({
          sid: 'SubscriberAccounts',
          principals: accounts.map((account) => new AccountPrincipal(account)),
          actions: ['sns:Subscribe'],
          resources: [this.topic.topicArn],
          conditions: { StringEquals: { 'sns:Protocol': [...subscriberProtocols] } },
        }),
      );
    }

    this.publisher = new TableStreamConsumer(this, 'Publisher', {
      table: props.table,
      entry: alertEventPublishEntry,
      description: 'Publishes every stored alert event to the AlertEvents SNS topic (DynamoDB stream)',
      stream: alertEventPublishStream,
      // It reads the events from the stream records alone.
      tableAccess: 'stream-only',
      memorySize: 256,
      logRemovalPolicy: removalPolicy,
    });
    const fn = this.publisher.handler;
    fn.function.addEnvironment(ALERT_EVENTS_TOPIC_ARN_ENV, this.topic.topicArn);
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'AlertEventsTopic',
        // PublishBatch is authorised as sns:Publish (https://docs.amazonaws.cn/en_us/sns/latest/dg/sns-access-policy-language-api-permissions-reference.html).
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
      }),
    );
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'AlertEventsTopicEncryption',
        // What a publisher to a KMS-encrypted topic needs (SNS asks KMS for a data key on its behalf).
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: [this.key.keyArn],
      }),
    );
    Validations.of(fn.role).acknowledge({
      id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      reason:
        'SNS documents kms:GenerateDataKey* with kms:Decrypt as what a publisher to a KMS-encrypted topic needs; the statement is scoped to the one key of the AlertEvents topic.',
    });
  }
}

/**
 * `cdk deploy -c alertEventSubscriberAccounts=111122223333,444455556666`: the accounts allowed to
 * subscribe their own endpoints. Checked here, since SNS would only reject a bad one on deploy.
 */
export function alertEventSubscriberAccounts(scope: Construct): string[] {
  const value: unknown = scope.node.tryGetContext('alertEventSubscriberAccounts') ?? '';
  const accounts = (Array.isArray(value) ? value : String(value).split(','))
    .map((account) => String(account).trim())
    .filter((account) => account !== '');
  const invalid = accounts.filter((account) => !/^\d{12}$/.test(account));
  if (invalid.length > 0) {
    throw new Error(
      `Context alertEventSubscriberAccounts must list 12-digit AWS account ids separated by commas, got ${JSON.stringify(invalid)}`,
    );
  }
  return accounts;
}
