import { CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { routes } from '../lambdas/handlers/http/routes.ts';
import { changeDetectionEntry, changeDetectionStream } from '../lambdas/handlers/stream/stream-processing-config.ts';
import { BaseFunction } from './constructs/base-function.ts';
import { DataTable } from './constructs/data-table.ts';
import { ServiceHttpApi } from './constructs/http-api.ts';
import { ReferenceDataSeed } from './constructs/reference-data-seed.ts';
import { defaultCheckSchedule, ScheduledDeadlineCheck } from './constructs/scheduled-deadline-check.ts';
import { TableStreamConsumer } from './constructs/table-stream-consumer.ts';
import { UserDirectory } from './constructs/user-directory.ts';

/** `cdk synth -c dev=true` builds a throwaway stack whose data, users and logs are destroyed with it. */
export function isDevStack(scope: Construct): boolean {
  const flag: unknown = scope.node.tryGetContext('dev');
  return flag === true || flag === 'true';
}

/**
 * `cdk synth -c 'checkSchedule=rate(1 hour)'` overrides when the deadline check runs; any EventBridge
 * `cron(...)` or `rate(...)` expression. Checked here because EventBridge would only reject it on deploy.
 */
export function checkSchedule(scope: Construct): Schedule {
  const value: unknown = scope.node.tryGetContext('checkSchedule') ?? defaultCheckSchedule;
  if (typeof value !== 'string' || !/^(cron|rate)\(.+\)$/.test(value.trim())) {
    throw new Error(`Context checkSchedule must be an EventBridge cron(...) or rate(...) expression, got ${JSON.stringify(value)}`);
  }
  return Schedule.expression(value.trim());
}

export class SanctionsWatchStack extends Stack {
  readonly table: DataTable;
  readonly users: UserDirectory;
  readonly api: ServiceHttpApi;
  readonly seed: ReferenceDataSeed;
  readonly deadlineCheck: ScheduledDeadlineCheck;
  readonly changeDetection: TableStreamConsumer;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const removalPolicy = isDevStack(this) ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.table = new DataTable(this, 'Data', { removalPolicy });
    this.seed = new ReferenceDataSeed(this, 'ReferenceDataSeed', { table: this.table, logRemovalPolicy: removalPolicy });
    this.users = new UserDirectory(this, 'Users', { removalPolicy });
    this.api = new ServiceHttpApi(this, 'HttpApi', {
      tokenIssuer: { issuerUrl: this.users.issuerUrl, audience: [this.users.apiClient.userPoolClientId] },
      logRemovalPolicy: removalPolicy,
    });

    for (const route of routes) {
      const fn = new BaseFunction(this, route.id, {
        entry: route.entry,
        description: `${route.method} ${route.path}`,
        logRemovalPolicy: removalPolicy,
      });
      fn.bindTable(this.table, route.tableAccess);
      this.api.addRoute(route, fn.function);
      Validations.of(fn.function).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: 'Invoked synchronously by API Gateway, which returns the error to the caller; there is no async event to dead-letter.',
      });
    }

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

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.users.userPool.userPoolId, description: 'Cognito user pool of API users (admin-create-user, admin-add-user-to-group)' });
    new CfnOutput(this, 'UserPoolClientId', {
      value: this.users.apiClient.userPoolClientId,
      description: 'App client for `aws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH`',
    });
  }
}
