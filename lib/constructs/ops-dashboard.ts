import { Duration } from 'aws-cdk-lib';
import {
  Dashboard,
  GraphWidget,
  type HorizontalAnnotation,
  MathExpression,
  Metric,
  SingleValueWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  metricChannels,
  SERVICE_METRICS_NAMESPACE,
  serviceMetricCatalogue,
} from '../../lambdas/contracts/service-metrics.ts';
import type { BaseFunction } from './base-function.ts';
import { smsMonthToDateSpent } from './service-alarms.ts';

export interface OpsDashboardProps {
  readonly functions: readonly BaseFunction[];
  /** Every queue whose depth is drawn, by the name it is drawn under. */
  readonly queues: Readonly<Record<string, IQueue>>;
  readonly smsMonthlySpendLimitUsd: number;
}

const serviceMetric = (name: string, statistic: string, channel?: string): Metric =>
  new Metric({
    namespace: SERVICE_METRICS_NAMESPACE,
    metricName: name,
    statistic,
    period: Duration.minutes(5),
    ...(channel === undefined ? {} : { dimensionsMap: { channel }, label: channel }),
  });

/** One CloudWatch dashboard of what operators look at first: sends, latency, errors, queues, spend. */
export class OpsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OpsDashboardProps) {
    super(scope, id);
    const { messagesSent, streamToSendLatency, messagesDeferred, messagesFailed } = serviceMetricCatalogue;
    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Messages sent per channel',
        left: metricChannels.map((channel) => serviceMetric(messagesSent.name, 'Sum', channel)),
        width: 12,
      }),
      new GraphWidget({
        title: 'Messages deferred and failed',
        left: [messagesDeferred, messagesFailed].flatMap(({ name }) =>
          metricChannels.map((channel) => serviceMetric(name, 'Sum', channel).with({ label: `${name} ${channel}` })),
        ),
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Stream-to-send latency p50 / p99 (ms)',
        left: metricChannels.flatMap((channel) =>
          ['p50', 'p99'].map((statistic) =>
            serviceMetric(streamToSendLatency.name, statistic, channel).with({ label: `${channel} ${statistic}` }),
          ),
        ),
        width: 12,
      }),
      new GraphWidget({
        title: 'Function errors',
        left: [
          new MathExpression({
            expression: props.functions.map((_, index) => `e${index}`).join(' + '),
            usingMetrics: Object.fromEntries(
              props.functions.map((fn, index) => [`e${index}`, fn.function.metricErrors({ statistic: 'Sum' })]),
            ),
            label: 'errors, all functions',
            period: Duration.minutes(5),
          }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Queue depths',
        left: Object.entries(props.queues).map(([name, queue]) =>
          queue.metricApproximateNumberOfMessagesVisible({ label: name, statistic: 'Maximum' }),
        ),
        width: 12,
      }),
      new SingleValueWidget({
        title: `SMS spend this month (USD, limit ${props.smsMonthlySpendLimitUsd})`,
        metrics: [smsMonthToDateSpent()],
        width: 6,
      }),
      new GraphWidget({
        title: 'SMS spend this month (USD)',
        left: [smsMonthToDateSpent()],
        leftAnnotations: [
          { value: props.smsMonthlySpendLimitUsd, label: 'monthly limit' } satisfies HorizontalAnnotation,
        ],
        width: 6,
      }),
    );
  }
}
