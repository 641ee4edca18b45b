import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { SOURCE_FEED_ENV } from '../../lambdas/contracts/environment.ts';
import { scheduledSourceCheckEntry } from '../../lambdas/contracts/scheduled-entries.ts';
import type { DataTable } from './data-table.ts';
import { ScheduledJob } from './scheduled-job.ts';

/** What the source job reads, from context: each feed's URL (an https one, or none: the feed is not read) and autoAccept. */
export interface SourceCheckSettings {
  readonly dailyIssuanceUrl?: string;
  readonly digitalLibraryUrl?: string;
  readonly autoAccept: boolean;
}

const httpsContext = (scope: Construct, key: string): string | undefined => {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value.trim().startsWith('https://'))
    throw new Error(`Context ${key} must be an https URL, got ${JSON.stringify(value)}`);
  return value.trim();
};

/**
 * `-c sourceDailyIssuanceUrl=https://…{date}…`, `-c sourceDigitalLibraryUrl=https://…` and
 * `-c autoAccept=true` (off unless exactly true): no feed URL is built in, since none has been
 * checked against a live response yet (docs/sources.md).
 */
export function sourceCheckContext(scope: Construct): SourceCheckSettings {
  const autoAccept: unknown = scope.node.tryGetContext('autoAccept');
  const dailyIssuanceUrl = httpsContext(scope, 'sourceDailyIssuanceUrl');
  const digitalLibraryUrl = httpsContext(scope, 'sourceDigitalLibraryUrl');
  return {
    ...(dailyIssuanceUrl === undefined ? {} : { dailyIssuanceUrl }),
    ...(digitalLibraryUrl === undefined ? {} : { digitalLibraryUrl }),
    autoAccept: autoAccept === true || autoAccept === 'true',
  };
}

/**
 * The hourly source job: reads the UN's document feeds and stores what they announce as
 * proposals. A run in which a feed stopped fails, so EventBridge retries it and the alarmed
 * dead-letter queue keeps it.
 */
export class SourceCheck extends Construct {
  readonly job: ScheduledJob;

  constructor(
    scope: Construct,
    id: string,
    props: {
      readonly table: DataTable;
      readonly settings: SourceCheckSettings;
      readonly logRemovalPolicy?: RemovalPolicy;
    },
  ) {
    super(scope, id);
    this.job = new ScheduledJob(this, 'Job', {
      entry: scheduledSourceCheckEntry,
      description: "Reads the UN's document feeds and stores proposals (EventBridge schedule)",
      ruleDescription: 'Starts the hourly source job',
      deadLetterDescription: 'Scheduled source job',
      schedule: Schedule.rate(Duration.hours(1)),
      // Up to 31 pages a feed, each up to four attempts of 15 s with backoff: minutes when a feed is slow.
      timeout: Duration.minutes(10),
      memorySize: 512,
      table: props.table,
      // Stores documents and, with autoAccept, reports.
      tableAccess: 'read-write',
      // An event older than an hour has been overtaken by the next run.
      maxEventAge: Duration.hours(1),
      ...(props.logRemovalPolicy === undefined ? {} : { logRemovalPolicy: props.logRemovalPolicy }),
    });
    const fn = this.job.handler.function;
    const { dailyIssuanceUrl, digitalLibraryUrl, autoAccept } = props.settings;
    if (dailyIssuanceUrl) fn.addEnvironment(SOURCE_FEED_ENV.dailyIssuanceUrl, dailyIssuanceUrl);
    if (digitalLibraryUrl) fn.addEnvironment(SOURCE_FEED_ENV.digitalLibraryUrl, digitalLibraryUrl);
    fn.addEnvironment(SOURCE_FEED_ENV.autoAccept, String(autoAccept));
  }
}
