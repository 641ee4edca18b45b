import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Rule, type Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { ParamsAndSecretsLayerVersion } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { AlarmedDeadLetterQueue } from './alarmed-dead-letter-queue.ts';
import { BaseFunction, type TableAccess } from './base-function.ts';
import type { DataTable } from './data-table.ts';

export interface ScheduledJobProps {
  /** Handler module relative to the project root; it exports `handler`. */
  readonly entry: string;
  /** What a run does, as the function's description. */
  readonly description: string;
  /** The rule's description, e.g. 'Starts the scheduled deadline check'. */
  readonly ruleDescription: string;
  /** What the dead-letter queue collects, for its alarm, e.g. 'Scheduled deadline check'. */
  readonly deadLetterDescription: string;
  /** When EventBridge starts a run: a `cron(...)` or `rate(...)` expression. */
  readonly schedule: Schedule;
  /** How long one run may take. */
  readonly timeout: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** The table the job works on. */
  readonly table: DataTable;
  /** What the job may do with the table's items. */
  readonly tableAccess: TableAccess;
  /**
   * Retries of a failed delivery (EventBridge) and of a failed run (Lambda), each. @default 2
   */
  readonly retryAttempts?: number;
  /**
   * How long EventBridge and Lambda keep trying one scheduled event before dead-lettering it.
   * @default Duration.hours(2)
   */
  readonly maxEventAge?: Duration;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** The Parameters and Secrets extension, for a job that reads a secret. */
  readonly paramsAndSecrets?: ParamsAndSecretsLayerVersion;
}

/**
 * A function that an EventBridge schedule runs. EventBridge invokes it asynchronously, so every way
 * of failing ends in one alarmed dead-letter queue: events EventBridge could not deliver, and
 * events whose runs failed every attempt. Both retry with the same bounds.
 */
export class ScheduledJob extends Construct {
  readonly handler: BaseFunction;
  readonly rule: Rule;
  readonly deadLetters: AlarmedDeadLetterQueue;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const retryAttempts = props.retryAttempts ?? 2;
    const maxEventAge = props.maxEventAge ?? Duration.hours(2);

    this.deadLetters = new AlarmedDeadLetterQueue(this, 'DeadLetters', { description: props.deadLetterDescription });

    this.handler = new BaseFunction(this, 'Handler', {
      entry: props.entry,
      description: props.description,
      timeout: props.timeout,
      memorySize: props.memorySize ?? 512,
      logRemovalPolicy: props.logRemovalPolicy,
      deadLetterQueue: this.deadLetters.queue,
      paramsAndSecrets: props.paramsAndSecrets,
    });
    this.handler.bindTable(props.table, props.tableAccess);
    this.handler.function.configureAsyncInvoke({ retryAttempts, maxEventAge });

    this.rule = new Rule(this, 'Schedule', {
      description: props.ruleDescription,
      schedule: props.schedule,
      targets: [
        new LambdaFunction(this.handler.function, {
          retryAttempts,
          maxEventAge,
          deadLetterQueue: this.deadLetters.queue,
        }),
      ],
    });

    Validations.of(this.handler.function).acknowledge({
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason:
        "Failed asynchronous runs already go to the function's dead-letter queue (DeadLetterConfig), which the alarm watches; an on-failure destination as well would put a second record of every failure in it.",
    });
  }
}
