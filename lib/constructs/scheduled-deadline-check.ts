import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { scheduledDeadlineCheckEntry } from '../../lambdas/contracts/scheduled-entries.ts';
import type { DataTable } from './data-table.ts';
import { ScheduledJob } from './scheduled-job.ts';

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

/**
 * Runs the deadline check on a schedule: a ScheduledJob whose failed deliveries and runs are retried
 * twice within two hours, so a stuck check surfaces the same morning.
 */
export class ScheduledDeadlineCheck extends ScheduledJob {
  constructor(scope: Construct, id: string, props: ScheduledDeadlineCheckProps) {
    super(scope, id, {
      entry: props.entry ?? scheduledDeadlineCheckEntry,
      description: 'Checks reporting deadlines and records alerts (EventBridge schedule)',
      ruleDescription: 'Starts the scheduled deadline check',
      deadLetterDescription: 'Scheduled deadline check',
      schedule: props.schedule ?? Schedule.expression(defaultCheckSchedule),
      // Walks every member state's obligations in one run.
      timeout: Duration.seconds(60),
      memorySize: 512,
      table: props.table,
      // Records the alert events it emits.
      tableAccess: 'read-write',
      retryAttempts: 2,
      maxEventAge: Duration.hours(2),
      logRemovalPolicy: props.logRemovalPolicy,
    });
  }
}
