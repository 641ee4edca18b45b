import { Duration, Validations } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmedDeadLetterQueueProps {
  /** What the queue collects, for the alarm's description. */
  readonly description: string;
  /**
   * The alarm's whole description, for senders whose messages need telling apart, such as the
   * failure records of a stream event source mapping (pointers to records, not the records).
   * @default - `description` plus a note that an event failed every attempt
   */
  readonly alarmDescription?: string;
  /** How long failed events wait for someone to look at them. @default Duration.days(14), the SQS maximum */
  readonly retentionPeriod?: Duration;
  /**
   * A customer-managed key to encrypt the queue with, for senders that cannot use SQS-managed
   * encryption: an SNS subscription's dead-letter queue must be encrypted with a key whose policy
   * lets SNS use it. The key policy is the caller's business.
   * @default - SQS-managed encryption (SSE-SQS)
   */
  readonly encryptionKey?: IKey;
}

/**
 * An encrypted, TLS-only SQS queue for events that failed every attempt, with an alarm that goes
 * off as soon as one arrives: a dead letter nobody notices is a silently lost event. Serves as a
 * function's dead-letter queue, an EventBridge target's, an event source mapping's on-failure
 * destination, an SNS subscription's redrive target, or where a function parks what it gave up on.
 */
export class AlarmedDeadLetterQueue extends Construct {
  readonly queue: Queue;
  /** Has no action here: the stack sends every alarm to the operators' topic. */
  readonly alarm: Alarm;
  /** Goes off when a message has waited half the retention period: the other half is the time left to redrive it. */
  readonly ageAlarm: Alarm;

  constructor(scope: Construct, id: string, props: AlarmedDeadLetterQueueProps) {
    super(scope, id);

    // The queue keeps CDK's default removal (DESTROY): it only ever holds copies of failed events.
    this.queue = new Queue(this, 'Queue', {
      // SQS-managed keys need no KMS key policy for any sender: Lambda, EventBridge or a function's role.
      ...(props.encryptionKey
        ? { encryption: QueueEncryption.KMS, encryptionMasterKey: props.encryptionKey }
        : { encryption: QueueEncryption.SQS_MANAGED }),
      enforceSSL: true,
      retentionPeriod: props.retentionPeriod ?? Duration.days(14),
    });

    this.alarm = this.queue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(this, 'MessagesVisible', {
        alarmDescription: `${
          props.alarmDescription ??
          `${props.description}: at least one event failed every attempt and waits in the dead-letter queue.`
        } Runbook: docs/runbook.md#dead-letters`,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // SQS stops publishing metrics for a queue that stays empty; no data means nothing is waiting.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });

    const retention = props.retentionPeriod ?? Duration.days(14);
    this.ageAlarm = this.queue
      .metricApproximateAgeOfOldestMessage({ period: Duration.hours(1), statistic: 'Maximum' })
      .createAlarm(this, 'OldestMessage', {
        alarmDescription: `${props.description}: a dead letter has waited half of the queue's ${retention.toDays()} days; SQS deletes it at the end of them. Redrive or inspect it now. Runbook: docs/runbook.md#dead-letters`,
        threshold: retention.toSeconds() / 2,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });

    Validations.of(this.queue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is itself the dead-letter queue: its messages are inspected and redriven by an operator, not consumed and retried.',
    });
  }
}
