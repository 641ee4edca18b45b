import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { TABLE_NAME_ENV } from '../../lambdas/contracts/environment.ts';
import { AlarmedDeadLetterQueue } from './alarmed-dead-letter-queue.ts';
import { BaseFunction, type TableAccess } from './base-function.ts';
import type { DataTable } from './data-table.ts';

/**
 * How a consumer reads the table's stream. The shape of the configs in
 * lambdas/contracts/streams.ts, which the local stream poller reads too.
 */
export interface StreamProcessingConfig {
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly retryAttempts: number;
  readonly maxRecordAgeSeconds: number;
  readonly bisectBatchOnError: boolean;
  /** The handler returns `{ batchItemFailures }`, so only the failed records are retried. */
  readonly reportBatchItemFailures: boolean;
  /** Lambda event-filter patterns; a record reaches the handler if it matches any of them. */
  readonly filterPatterns: readonly Readonly<Record<string, unknown>>[];
  /** The function's timeout; the local poller gives each invocation the same, so a long batch times out there when it would here. */
  readonly timeoutSeconds: number;
}

/** The stream lag (IteratorAge) above which a consumer's alarm goes off. */
export const ITERATOR_AGE_ALARM = Duration.minutes(10);

export interface TableStreamConsumerProps {
  /** The table whose stream is consumed. */
  readonly table: DataTable;
  /** Handler module relative to the project root; it exports `handler`. */
  readonly entry: string;
  /** What the consumer does, for the function's and the alarm's descriptions. */
  readonly description: string;
  /** Batching, retries and filters, exactly as configured for the local poller. */
  readonly stream: StreamProcessingConfig;
  /**
   * What the handler may do with the table's items (reading the stream is granted regardless);
   * `stream-only` for a consumer that needs nothing but the records it is handed.
   */
  readonly tableAccess: TableAccess | 'stream-only';
  /** @default 512 */
  readonly memorySize?: number;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * A function fed by the table's stream through a filtered event source mapping, whose batches that
 * fail every retry (or outlive the maximum record age) end up as failure records in an alarmed queue.
 * One per consumer: each gets its own function, mapping, filters and queue.
 */
export class TableStreamConsumer extends Construct {
  readonly handler: BaseFunction;
  readonly eventSource: DynamoEventSource;
  readonly failures: AlarmedDeadLetterQueue;
  /** How far behind the stream the consumer reads. */
  readonly iteratorAgeAlarm: Alarm;

  constructor(scope: Construct, id: string, props: TableStreamConsumerProps) {
    super(scope, id);
    const { stream } = props;

    this.failures = new AlarmedDeadLetterQueue(this, 'Failures', {
      description: props.description,
      // Lambda sends only the failed batch's shard and sequence range; the stream keeps the records 24 hours.
      alarmDescription: `${props.description}: a stream batch failed every attempt. The queued message names its shard and sequence numbers; read the records from the stream within 24 hours of their arrival.`,
    });

    this.handler = new BaseFunction(this, 'Handler', {
      entry: props.entry,
      description: props.description,
      memorySize: props.memorySize ?? 512,
      timeout: Duration.seconds(stream.timeoutSeconds),
      logRemovalPolicy: props.logRemovalPolicy,
    });
    if (props.tableAccess === 'stream-only') {
      // Named as every function names it, but with no grant on the items.
      this.handler.function.addEnvironment(TABLE_NAME_ENV, props.table.table.tableName);
    } else {
      this.handler.bindTable(props.table, props.tableAccess);
    }

    this.eventSource = new DynamoEventSource(props.table.table, {
      // A new or replaced mapping starts at the oldest record kept, so changes made during a deploy are not skipped.
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: stream.batchSize,
      maxBatchingWindow: Duration.seconds(stream.maxBatchingWindowSeconds),
      retryAttempts: stream.retryAttempts,
      maxRecordAge: Duration.seconds(stream.maxRecordAgeSeconds),
      bisectBatchOnError: stream.bisectBatchOnError,
      reportBatchItemFailures: stream.reportBatchItemFailures,
      // FilterCriteria.filter is JSON.stringify, so AWS filters with the very patterns the local poller applies.
      filters: stream.filterPatterns.map((pattern) => FilterCriteria.filter(pattern)),
      // Grants the function's role sqs:SendMessage on the queue (the mapping sends as the function).
      onFailure: new SqsDlq(this.failures.queue),
    });
    // Also grants the role read access to the table's stream.
    this.handler.function.addEventSource(this.eventSource);

    // Alerts should leave within minutes of a write; records older than maxRecordAge are given up on, so a lag of ten minutes is a warning with hours to spare.
    this.iteratorAgeAlarm = this.handler.function
      .metric('IteratorAge', { period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(this, 'IteratorAge', {
        alarmDescription: `${props.description}: the consumer reads more than ${ITERATOR_AGE_ALARM.toMinutes()} minutes behind the stream; records older than ${Duration.seconds(stream.maxRecordAgeSeconds).toHours()} hours go to its failures queue unread. Runbook: docs/runbook.md#stream-iterator-age`,
        threshold: ITERATOR_AGE_ALARM.toMilliseconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });

    Validations.of(this.failures.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is the dead-letter queue: the on-failure destination of the stream event source mapping (DestinationConfig.OnFailure), a use SQS3 only recognises in a queue's redrive policy or a function's DeadLetterConfig.",
    });
    // Recorded beside BaseFunction's X-Ray reason for the same finding: the `*` statement now holds both.
    Validations.of(this.handler.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        "dynamodb:ListStreams, which the stream event source mapping needs, has no resource-level permissions; the stream-reading actions are granted on this table's stream ARN only.",
    });
    Validations.of(this.handler.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        "Invoked only by its DynamoDB stream event source mapping, never asynchronously: batches that fail every retry go to the mapping's on-failure destination, the alarmed queue beside it, which a function DLQ would never receive.",
    });
  }
}
