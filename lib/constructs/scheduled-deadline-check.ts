import { Duration, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { scheduledDeadlineCheckEntry } from '../../lambdas/handlers/http/routes.ts';
import { AlarmedDeadLetterQueue } from './alarmed-dead-letter-queue.ts';
import { BaseFunction } from './base-function.ts';
import type { DataTable } from './data-table.ts';

/** Daily at 06:00 UTC (EventBridge cron has six fields and needs `?` in day-of-month or day-of-week). */
export const defaultCheckSchedule = 'cron(0 6 * * ? *)';

export interface ScheduledDeadlineCheckProps {
  /** The table whose obligations are checked (the checker gets read-write access to record alerts). */
  readonly table: DataTable;
  /** @default Schedule.expression(defaultCheckSchedule) */
  readonly schedule?: Schedule;
  /** @default scheduledDeadlineCheckEntry */
  readonly entry?: string;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

// EventBridge retries a failed delivery (throttling, service errors); Lambda then retries a failed run.
// Both give up after two retries or two hours, so a stuck check surfaces the same morning.
const retryAttempts = 2;
const maxEventAge = Duration.hours(2);

/**
 * Runs the deadline check on a schedule. EventBridge invokes the function asynchronously, so
 * every way of failing ends in one alarmed dead-letter queue: events EventBridge could not
 * deliver, and events whose runs failed every attempt.
 */
export class ScheduledDeadlineCheck extends Construct {
  readonly handler: BaseFunction;
  readonly rule: Rule;
  readonly deadLetters: AlarmedDeadLetterQueue;

  constructor(scope: Construct, id: string, props: ScheduledDeadlineCheckProps) {
    super(scope, id);

    this.deadLetters = new AlarmedDeadLetterQueue(this, 'DeadLetters', { description: 'Scheduled deadline check' });

    this.handler = new BaseFunction(this, 'Handler', {
      entry: props.entry ?? scheduledDeadlineCheckEntry,
      description: 'Checks reporting deadlines and records alerts (EventBridge schedule)',
      // Walks every member state's obligations in one run.
      timeout: Duration.seconds(60),
      memorySize: 512,
      logRemovalPolicy: props.logRemovalPolicy,
      deadLetterQueue: this.deadLetters.queue,
    });
    this.handler.bindTable(props.table, 'read-write');
    this.handler.function.configureAsyncInvoke({ retryAttempts, maxEventAge });

    this.rule = new Rule(this, 'Schedule', {
      description: 'Starts the scheduled deadline check',
      schedule: props.schedule ?? Schedule.expression(defaultCheckSchedule),
      targets: [new LambdaFunction(this.handler.function, { retryAttempts, maxEventAge, deadLetterQueue: this.deadLetters.queue })],
    });

    Validations.of(this.handler.function).acknowledge({
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason:
        "Failed asynchronous runs already go to the function's dead-letter queue (DeadLetterConfig), which the alarm watches; an on-failure destination as well would put a second record of every failure in it.",
    });
  }
}
