import { Duration } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface QueueAlarmLimits {
  /** What the queue holds, for the description. */
  readonly description: string;
  /** Messages waiting above which the alarm goes off. */
  readonly maxDepth: number;
  /** How old the oldest message may grow before the alarm goes off. */
  readonly maxAge: Duration;
  /** Why these limits, for the description. */
  readonly reason: string;
}

/**
 * How many messages wait, and how long the oldest has, in one alarm (a stack holds at most 500
 * resources): each as a share of its limit, the larger of the two above 1 sets it off.
 */
export const queueAlarm = (scope: Construct, queue: IQueue, limits: QueueAlarmLimits): Alarm => {
  const period = Duration.minutes(5);
  return new MathExpression({
    expression: `MAX([depth / ${limits.maxDepth}, age / ${limits.maxAge.toSeconds()}])`,
    usingMetrics: {
      depth: queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      age: queue.metricApproximateAgeOfOldestMessage({ period, statistic: 'Maximum' }),
    },
    label: 'depth or age as a share of its limit',
    period,
  }).createAlarm(scope, 'DepthOrAge', {
    alarmDescription: `${limits.description}: more than ${limits.maxDepth} messages wait, or the oldest has waited more than ${limits.maxAge.toHumanString()}. ${limits.reason} Runbook: docs/runbook.md#queue-depth-and-age`,
    threshold: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    // SQS stops publishing metrics for a queue that stays empty; no data means nothing waits.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
};
