import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { type Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { SERVICE_METRICS_NAMESPACE, serviceMetricCatalogue } from '../../lambdas/contracts/service-metrics.ts';
import { SMS_SPEND_ALARM_SHARE } from './sms-spend-limit.ts';

/** The share of the API's answers that may be 5xx over 5 minutes before the alarm goes off. */
export const API_5XX_RATE_PERCENT = 5;
/** Fewer requests than this in 5 minutes are too few for a rate: one failed request in three is not an outage. */
export const API_5XX_MIN_REQUESTS = 20;

/**
 * The account's SMS charges this month (AWS/SNS, no dimensions; Maximum is its statistic):
 * https://www.pulumi.com/docs/reference/pkg/nodejs/pulumi/awsx/functions/classic.sns.metrics.smsMonthToDateSpentUSD.html
 */
export const smsMonthToDateSpent = (period: Duration = Duration.hours(1)): Metric =>
  new Metric({ namespace: 'AWS/SNS', metricName: 'SMSMonthToDateSpentUSD', statistic: 'Maximum', period });

export interface ServiceAlarmsProps {
  readonly api: HttpApi;
  readonly smsMonthlySpendLimitUsd: number;
}

/** The alarms on the service as a whole, beside those of each function and queue. */
export class ServiceAlarms extends Construct {
  readonly missedCheck: Alarm;
  readonly smsSpend: Alarm;
  readonly api5xxRate: Alarm;
  readonly messagesFailed: Alarm;

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);

    // The check's own count of completed scheduled runs; a day without one is breaching, so silence itself alarms.
    this.missedCheck = new Metric({
      namespace: SERVICE_METRICS_NAMESPACE,
      metricName: serviceMetricCatalogue.scheduledChecksCompleted.name,
      statistic: 'Sum',
      period: Duration.days(1),
    }).createAlarm(this, 'MissedDeadlineCheck', {
      alarmDescription:
        'The scheduled deadline check did not complete in the last day: the schedule did not fire, or every attempt failed (see its dead-letter queue). Runbook: docs/runbook.md#missed-deadline-check',
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.BREACHING,
    });

    const limitUsd = props.smsMonthlySpendLimitUsd;
    this.smsSpend = smsMonthToDateSpent().createAlarm(this, 'SmsSpend', {
      alarmDescription: `The month's SMS charges passed ${SMS_SPEND_ALARM_SHARE * 100} % of the ${limitUsd} USD monthly limit; at the limit SNS stops sending texts within minutes. Runbook: docs/runbook.md#sms-spend`,
      threshold: limitUsd * SMS_SPEND_ALARM_SHARE,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // No texts this month, no data: nothing spent.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    const period = Duration.minutes(5);
    // Every message a provider refused for good, on any path: the pipeline's are parked with their job too
    // (and that queue alarms), the tests', digests' and repeats' are only logged.
    const failed = (channel: string) =>
      new Metric({
        namespace: SERVICE_METRICS_NAMESPACE,
        metricName: serviceMetricCatalogue.messagesFailed.name,
        dimensionsMap: { [serviceMetricCatalogue.messagesFailed.dimension]: channel },
        statistic: 'Sum',
        period,
      });
    this.messagesFailed = new MathExpression({
      expression: 'FILL(email, 0) + FILL(sms, 0)',
      usingMetrics: { email: failed('email'), sms: failed('sms') },
      label: 'Messages failed for good',
      period,
    }).createAlarm(this, 'MessagesFailed', {
      alarmDescription:
        'A message to a contact failed for good (a rejected message, a missing permission, an unverified identity). Runbook: docs/runbook.md#messages-failed',
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.api5xxRate = new MathExpression({
      expression: `IF(requests >= ${API_5XX_MIN_REQUESTS}, 100 * errors / requests, 0)`,
      usingMetrics: {
        errors: props.api.metricServerError({ period, statistic: 'Sum' }),
        requests: props.api.metricCount({ period, statistic: 'Sum' }),
      },
      label: 'API 5xx rate (%)',
      period,
    }).createAlarm(this, 'Api5xxRate', {
      alarmDescription: `More than ${API_5XX_RATE_PERCENT} % of the API's answers were 5xx over 5 minutes (with at least ${API_5XX_MIN_REQUESTS} requests). Runbook: docs/runbook.md#api-5xx-rate`,
      threshold: API_5XX_RATE_PERCENT,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
