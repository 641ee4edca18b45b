import { Duration } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** A function whose timeout is at least this long gets a duration alarm: its runs are work, not requests. */
export const LONG_RUNNING_TIMEOUT = Duration.seconds(60);

/**
 * The share of its timeout a long-running function's slowest run may take before the alarm goes
 * off: at 80 % there is still a fifth of the timeout left to act before runs start being cut off
 * (the dispatcher ran 271–291 s of its 300 s on the 10,000-watch bench, which this would have shown).
 */
export const DURATION_ALARM_SHARE = 0.8;

/**
 * Functions per errors-and-throttles alarm. CloudWatch takes at most 10 metrics in an alarm's math
 * expression, two per function; and a stack holds at most 500 resources, which two alarms per
 * function (51 functions) would take a fifth of.
 */
export const FUNCTIONS_PER_FAILURE_ALARM = 5;

export interface DurationAlarmProps {
  readonly fn: IFunction;
  /** What the function does, for the alarm's description. */
  readonly description: string;
  readonly timeout: Duration;
}

/** A long-running function's slowest run as a share of its timeout. No action here: the stack sends every alarm to the operators. */
export const durationAlarm = (scope: Construct, props: DurationAlarmProps): Alarm =>
  props.fn.metricDuration({ period: Duration.minutes(15), statistic: 'Maximum' }).createAlarm(scope, 'DurationAlarm', {
    alarmDescription: `${props.description}: a run took more than ${DURATION_ALARM_SHARE * 100} % of the ${props.timeout.toSeconds()} s timeout; runs are close to being cut off. Runbook: docs/runbook.md#function-duration`,
    threshold: props.timeout.toMilliseconds() * DURATION_ALARM_SHARE,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });

export interface AlarmedFunction {
  readonly fn: IFunction;
  readonly description: string;
}

/**
 * The errors and throttles of every function, a few functions to an alarm, each function named in
 * its description. Handlers answer bad input and refused sends themselves, so an error is a bug or
 * a dependency down, and a throttle is work Lambda refused for want of concurrency: one of either
 * in 5 minutes is worth a look.
 */
export class FunctionFailureAlarms extends Construct {
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, functions: readonly AlarmedFunction[]) {
    super(scope, id);
    const period = Duration.minutes(5);
    this.alarms = [];
    for (let start = 0; start < functions.length; start += FUNCTIONS_PER_FAILURE_ALARM) {
      const group = functions.slice(start, start + FUNCTIONS_PER_FAILURE_ALARM);
      const usingMetrics = Object.fromEntries(
        group.flatMap(({ fn }, index) => [
          [`errors${index}`, fn.metricErrors({ period, statistic: 'Sum' })],
          [`throttles${index}`, fn.metricThrottles({ period, statistic: 'Sum' })],
        ]),
      );
      this.alarms.push(
        new MathExpression({
          expression: Object.keys(usingMetrics).join(' + '),
          usingMetrics,
          label: 'errors and throttles',
          period,
        }).createAlarm(this, `Group${start / FUNCTIONS_PER_FAILURE_ALARM + 1}`, {
          alarmDescription: `A function failed (an unhandled error or a timeout) or was throttled in the last 5 minutes; one of: ${group.map(({ description }) => description).join('; ')}. Runbook: docs/runbook.md#function-errors-and-throttles`,
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }
  }
}
