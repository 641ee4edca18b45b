import { type CustomResource, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { checkTopicPrefix } from '../../lambdas/contracts/contact-topics.ts';
import { MIGRATIONS_QUEUE_URL_ENV } from '../../lambdas/contracts/environment.ts';
import { migrationsContinuation } from '../../lambdas/contracts/migrations.ts';
import { runMigrationsEntry } from '../../lambdas/contracts/scheduled-entries.ts';
import type { DataTable } from './data-table.ts';
import { deployTimeResource } from './deploy-time-resource.ts';
import { nagArn } from './nag-arn.ts';
import { QueueConsumer } from './queue-consumer.ts';

export interface MigrationsProps {
  /** The table the migrations rewrite and record themselves in. */
  readonly table: DataTable;
  /**
   * How the names of the contact topics the SNS notifier created (one per email contact) begin:
   * the move of email contacts to SES deletes those topics, and no other.
   * @default `${stackName}-contact-`, the notifier's
   */
  readonly contactTopicPrefix?: string;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * The one-off migrations (docs/migrations.md), applied on deploy through a custom resource that
 * runs again whenever the function's bundle (and so the list of migrations) changes. The function
 * consumes its own queue: a run out of time sends the deploy's event there, and the function,
 * invoked from it, resumes and answers CloudFormation.
 */
export class Migrations extends Construct {
  readonly runner: QueueConsumer;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: MigrationsProps) {
    super(scope, id);

    this.runner = new QueueConsumer(this, 'Runner', {
      entry: runMigrationsEntry,
      description: 'Applies the one-off migrations (CloudFormation custom resource; resumes a run handed on)',
      settings: migrationsContinuation,
      logRemovalPolicy: props.logRemovalPolicy,
      // A long migration runs to a minute before its timeout and hands the rest on, by design.
      durationAlarm: false,
    });
    const runner = this.runner.handler;
    runner.bindTable(props.table, 'read-write');
    runner.function.addEnvironment(MIGRATIONS_QUEUE_URL_ENV, this.runner.queue.queueUrl);
    this.runner.queue.grantSendMessages(runner.function);
    // Subscription ARNs are `<topic ARN>:<id>`, so the pattern covers the subscriptions too.
    const stack = Stack.of(this);
    const topicPrefix = props.contactTopicPrefix ?? `${stack.stackName}-contact-`;
    checkTopicPrefix(topicPrefix);
    const contactTopics = stack.formatArn({ service: 'sns', resource: `${topicPrefix}*` });
    runner.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'RetireContactTopics',
        actions: ['sns:Unsubscribe', 'sns:DeleteTopic'],
        resources: [contactTopics],
      }),
    );
    Validations.of(runner.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagArn(stack.resolve(contactTopics))}]`,
      reason: `One topic per email contact was created at run time by the SNS notifier; the wildcard covers only this stack's (names start with "${topicPrefix}") and their subscriptions, which the migration to SES deletes.`,
    });

    this.resource = deployTimeResource(this, 'Resource', runner.function, 'Custom::Migrations', 'MigrationsVersion');
  }
}
