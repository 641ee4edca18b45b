import { type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface OpsTopicProps {
  /** An address to subscribe (`-c opsEmail=`); SNS mails it a link to confirm first. @default none */
  readonly email?: string;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Where every alarm of the stack goes: an SNS topic, encrypted with a key of its own as the
 * AlertEvents topic is, that refuses publishing without TLS. Operators subscribe an address
 * (`-c opsEmail=`), or a chat channel through AWS Chatbot (README, "Operations").
 */
export class OpsTopic extends Construct {
  readonly key: Key;
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OpsTopicProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: `${Stack.of(this).stackName}: encrypts the operators' alarm topic (SNS)`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    // CloudWatch publishes an alarm's notification to an encrypted topic only if the key lets it.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarms',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'Topic', {
      displayName: 'sanctions-watch operations',
      masterKey: this.key,
      enforceSSL: true,
    });
    if (props.email !== undefined) this.topic.addSubscription(new EmailSubscription(props.email));
  }

  /** Sends the alarm's going off, and its recovery, to the topic. */
  notify(alarm: Alarm): void {
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
  }
}

/**
 * `cdk deploy -c opsEmail=ops@example.org`: the address the operators' topic mails. Checked here,
 * since SNS would accept any string and the mail would go nowhere.
 */
export function opsEmailContext(scope: Construct): string | undefined {
  const value: unknown = scope.node.tryGetContext('opsEmail');
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value))
    throw new Error(`Context opsEmail must be an email address, got ${JSON.stringify(value)}`);
  return value;
}
