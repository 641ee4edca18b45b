import type { CustomResource, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { MIGRATIONS_QUEUE_URL_ENV } from '../../lambdas/contracts/environment.ts';
import { migrationsContinuation } from '../../lambdas/contracts/migrations.ts';
import { runMigrationsEntry } from '../../lambdas/contracts/scheduled-entries.ts';
import type { DataTable } from './data-table.ts';
import { deployTimeResource } from './deploy-time-resource.ts';
import type { Notifications } from './notifications.ts';
import { QueueConsumer } from './queue-consumer.ts';

export interface MigrationsProps {
  /** The table the migrations rewrite and record themselves in. */
  readonly table: DataTable;
  /** Whose contact topics the move of email contacts to SES deletes. */
  readonly notifications: Notifications;
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
    });
    const runner = this.runner.handler;
    runner.bindTable(props.table, 'read-write');
    runner.function.addEnvironment(MIGRATIONS_QUEUE_URL_ENV, this.runner.queue.queueUrl);
    this.runner.queue.grantSendMessages(runner.function);
    props.notifications.grantRetireContactTopics(runner);

    this.resource = deployTimeResource(this, 'Resource', runner.function, 'Custom::Migrations', 'MigrationsVersion');
  }
}
