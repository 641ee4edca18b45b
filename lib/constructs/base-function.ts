import { Duration, Names, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { CfnTable, type Table } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type ParamsAndSecretsLayerVersion, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LOG_LEVEL_ENV, type LogLevel, TABLE_NAME_ENV } from '../../lambdas/contracts/environment.ts';
import type { RouteDefinition } from '../../lambdas/contracts/routes.ts';
import { bundledCode } from './bundled-code.ts';
import type { DataTable } from './data-table.ts';
import { durationAlarm, LONG_RUNNING_TIMEOUT } from './function-alarms.ts';

/** How long function logs are kept unless `-c logRetentionDays=` says otherwise. */
export const DEFAULT_LOG_RETENTION_DAYS = 90;

/**
 * `cdk synth -c logRetentionDays=30`: how long every function's log group keeps its lines. One of
 * the values CloudWatch Logs accepts (RetentionDays), checked here so a bad one fails the synth.
 */
export function logRetentionContext(scope: Construct): RetentionDays {
  const value: unknown = scope.node.tryGetContext('logRetentionDays') ?? DEFAULT_LOG_RETENTION_DAYS;
  const days = Number(value);
  const accepted = Object.values(RetentionDays).filter(
    (retention): retention is RetentionDays => typeof retention === 'number' && retention !== RetentionDays.INFINITE,
  );
  const retention = accepted.find((candidate) => candidate === days);
  if (retention === undefined)
    throw new Error(`Context logRetentionDays must be one of ${accepted.join(', ')}, got ${JSON.stringify(value)}`);
  return retention;
}

export type TableAccess = RouteDefinition['tableAccess'];

/**
 * cdk-nag's id for the `<table ARN>/index/*` resource that the table grants include for the GSIs.
 * In the table's own stack the ARN is the table's `Arn` attribute; in a nested stack (the route
 * functions') it is the parameter CDK passes it in as, which CDK names `referenceto` + the table's
 * unique id + the attribute (aws-cdk-lib core/lib/private/refs.js, generateUniqueId).
 */
function indexWildcardFinding(table: Table, grantee: Construct): string {
  const cfnTable = table.node.defaultChild;
  if (!(cfnTable instanceof CfnTable)) {
    throw new Error(`${table.node.path}: expected a CfnTable as default child`);
  }
  const arn =
    Stack.of(grantee) === Stack.of(table)
      ? `${Stack.of(table).getLogicalId(cfnTable)}.Arn`
      : `referenceto${Names.nodeUniqueId(cfnTable.node)}Arn`;
  return `AwsSolutions-IAM5[Resource::<${arn}>/index/*]`;
}

export interface BaseFunctionProps {
  /** Handler module relative to the project root; it exports `handler`. */
  readonly entry: string;
  /** @default - none */
  readonly description?: string;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** Read by lambdas/adapters/logger.ts. @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** @default logRetentionContext(): `-c logRetentionDays`, or 90 days */
  readonly logRetention?: RetentionDays;
  /** What happens to the log group when the function leaves the stack. @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * A log group shared with functions of one kind, instead of one of its own: the API's route
   * functions share one, which keeps the stack under CloudFormation's 500 resources. Every line
   * still names its function (request-logging.ts).
   * @default - a log group of its own, with logRetention and logRemovalPolicy
   */
  readonly sharedLogGroup?: LogGroup;
  /**
   * Where Lambda puts asynchronous events that failed every attempt (the function's role may send to it).
   * Only meaningful for functions invoked asynchronously, e.g. by EventBridge.
   * @default - none
   */
  readonly deadLetterQueue?: IQueue;
  /**
   * The AWS Parameters and Secrets extension, for a function that reads a secret over its local
   * HTTP endpoint instead of carrying a Secrets Manager client.
   * @default - none
   */
  readonly paramsAndSecrets?: ParamsAndSecretsLayerVersion;
  /**
   * Whether a run taking most of the timeout raises an alarm; off for a function that runs up to
   * its timeout by design (one that hands its work on when time runs short).
   * @default true for a timeout of a minute or more (LONG_RUNNING_TIMEOUT)
   */
  readonly durationAlarm?: boolean;
}

/**
 * The one way this project builds a Lambda: Node 24 on ARM, ESM bundle, X-Ray, its own log group (or its kind's)
 * and its own role that holds only what the function is granted (no AWS managed policies).
 */
export class BaseFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  /** Its slowest run as a share of its timeout, when it is long-running. Errors and throttles: FunctionFailureAlarms, over every function. */
  readonly durationAlarm?: Alarm;

  constructor(scope: Construct, id: string, props: BaseFunctionProps) {
    super(scope, id);

    this.logGroup =
      props.sharedLogGroup ??
      new LogGroup(this, 'LogGroup', {
        retention: props.logRetention ?? logRetentionContext(this),
        removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
      });

    // Without an explicit role CDK attaches AWSLambdaBasicExecutionRole, whose log grants span every log group.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    // The log group's Arn attribute ends in `:*`, which covers exactly its own streams.
    this.logGroup.grantWrite(this.role);

    const timeout = props.timeout ?? Duration.seconds(10);
    this.function = new NodejsFunction(this, 'Function', {
      code: bundledCode(this, props.entry),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout,
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      description: props.description,
      deadLetterQueue: props.deadLetterQueue,
      paramsAndSecrets: props.paramsAndSecrets,
      // No NODE_OPTIONS=--enable-source-maps: the logger maps stacks itself (docs/cold-start.md).
      environment: { [LOG_LEVEL_ENV]: props.logLevel ?? 'INFO' },
    });

    if (props.durationAlarm ?? timeout.toSeconds() >= LONG_RUNNING_TIMEOUT.toSeconds())
      this.durationAlarm = durationAlarm(this, {
        fn: this.function,
        description: props.description ?? props.entry,
        timeout,
      });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions; CDK adds them for active tracing.',
    });
  }

  /** Tells the function the table's name and grants exactly the access it needs, in one step. */
  bindTable(table: DataTable, access: TableAccess): void {
    this.function.addEnvironment(TABLE_NAME_ENV, table.table.tableName);
    if (access === 'read-write') {
      table.table.grantReadWriteData(this.function);
    } else {
      table.table.grantReadData(this.function);
    }
    Validations.of(this.role).acknowledge({
      id: indexWildcardFinding(table.table, this),
      reason: 'Queries go through the GSIs of this one table; the index/* suffix is scoped to the table ARN.',
    });
  }
}
