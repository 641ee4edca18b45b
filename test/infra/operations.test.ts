import { NestedStack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DURATION_ALARM_SHARE } from '../../lib/constructs/function-alarms.ts';
import { API_5XX_RATE_PERCENT } from '../../lib/constructs/service-alarms.ts';
import { SMS_SPEND_ALARM_SHARE } from '../../lib/constructs/sms-spend-limit.ts';
import type { SanctionsWatchStack } from '../../lib/sanctions-watch-stack.ts';
import { allFunctions } from './stack-functions.ts';
import { cfn, logicalId, type Resource, ref, refFromRoot, resourceOf, stackTemplates } from './template-queries.ts';
import { createTestApp, type TestApp } from './test-app.ts';

type AlarmProperties = {
  AlarmDescription: string;
  AlarmActions?: unknown[];
  OKActions?: unknown[];
  MetricName?: string;
  Namespace?: string;
  Threshold: number;
  ComparisonOperator: string;
  TreatMissingData?: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Metrics?: { Expression?: string }[];
};

let testApp: TestApp;
let stack: SanctionsWatchStack;
let template: Template;
/** The templates of the root stack and of the route functions' nested stack. */
let templates: ReturnType<typeof stackTemplates>;
const alarms = (): AlarmProperties[] =>
  Object.values(template.findResources('AWS::CloudWatch::Alarm') as Record<string, Resource>).map(
    (alarm) => alarm.Properties as AlarmProperties,
  );
/** The alarm on the metric whose dimension names the element. */
const alarmsOn = (metricName: string, element: Parameters<typeof ref>[0]) =>
  alarms().filter(
    (alarm) =>
      alarm.MetricName === metricName && JSON.stringify(alarm.Dimensions ?? []).includes(JSON.stringify(ref(element))),
  );

beforeAll(() => {
  testApp = createTestApp({ context: { opsEmail: 'ops@example.org', smsMonthlySpendLimit: '50' } });
  stack = testApp.stack;
  templates = stackTemplates();
  template = templates(stack);
});
afterAll(() => testApp.dispose());

describe('operations: the ops topic and its alarms', () => {
  it('has an OpsTopic encrypted with its own rotated key that CloudWatch may use, TLS only, mailing -c opsEmail', () => {
    const topic = cfn(stack.ops.topic);
    template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'sanctions-watch operations',
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalId(cfn(stack.ops.key)), 'Arn'] },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      }),
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [ref(topic)],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      }),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      TopicArn: ref(topic),
    });
  });

  it('sends every alarm, going off and recovering, to the OpsTopic, each with a reason and its runbook section', () => {
    const topic = ref(cfn(stack.ops.topic));
    expect(alarms().length).toBeGreaterThan(40);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions).toEqual([topic]);
      expect(alarm.OKActions).toEqual([topic]);
      expect(alarm.AlarmDescription).toMatch(/Runbook: docs\/runbook\.md#[a-z0-9-]+$/);
    }
  });

  it('alarms on the errors and throttles of every function, at one in 5 minutes, five functions to an alarm', () => {
    const failureAlarms = alarms().filter((alarm) => JSON.stringify(alarm.Metrics ?? []).includes('"Errors"'));
    expect(failureAlarms).toHaveLength(Math.ceil(allFunctions(stack).length / 5));
    for (const fn of allFunctions(stack)) {
      const fnRef = JSON.stringify(refFromRoot(templates, cfn(fn.function)));
      const covering = failureAlarms.filter((alarm) => JSON.stringify(alarm.Metrics).includes(fnRef));
      expect(covering).toHaveLength(1);
      const metrics = JSON.stringify(covering[0]?.Metrics);
      expect(metrics).toContain('"Throttles"');
      expect(covering[0]).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
      expect(covering[0]?.AlarmDescription).toContain(fn.node.path.replace('SanctionsWatch/', ''));
    }
  });

  it('alarms on the duration of each long-running function at 80 % of its timeout, but not on the migrations, which hand on by design', () => {
    const scheduledDelivery = alarmsOn('Duration', cfn(stack.scheduledDelivery.handler.function));
    expect(scheduledDelivery).toEqual([
      expect.objectContaining({
        Threshold: 300_000 * DURATION_ALARM_SHARE,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    ]);
    expect(alarmsOn('Duration', cfn(stack.deadlineCheck.handler.function))).toHaveLength(1);
    expect(alarmsOn('Duration', cfn(stack.migrations.runner.handler.function))).toEqual([]);
    // A 10 s API function is a request, not a run: no duration alarm.
    expect(alarmsOn('Duration', cfn(stack.smsSpendLimit.handler.function))).toEqual([]);
    expect(stack.smsSpendLimit.handler.durationAlarm).toBeUndefined();
  });

  it("alarms on each stream consumer's iterator age at ten minutes", () => {
    for (const consumer of [stack.changeDetection, stack.delivery.announcer, stack.alertEvents.publisher])
      expect(alarmsOn('IteratorAge', cfn(consumer.handler.function))).toEqual([
        expect.objectContaining({ Threshold: 600_000 }),
      ]);
  });

  it('alarms on the depth and age of every delivery queue, and on the depth and age of every dead-letter queue', () => {
    const queueName = (queue: { node: { defaultChild?: unknown } }) =>
      JSON.stringify({ 'Fn::GetAtt': [logicalId(cfn(queue)), 'QueueName'] });
    const on = (queue: { node: { defaultChild?: unknown } }) =>
      alarms().filter((alarm) => JSON.stringify([alarm.Dimensions, alarm.Metrics]).includes(queueName(queue)));
    const expressionOf = (alarm: AlarmProperties | undefined) =>
      alarm?.Metrics?.find(({ Expression }) => Expression !== undefined)?.Expression;
    for (const consumer of [stack.delivery.planner, stack.delivery.shardWorkers, stack.migrations.runner])
      expect(on(consumer.queue).map(expressionOf)).toEqual(['MAX([depth / 1000, age / 1800])']);
    for (const consumer of [stack.delivery.emailSender, stack.delivery.smsSender])
      expect(on(consumer.queue).map(expressionOf)).toEqual(['MAX([depth / 10000, age / 1800])']);
    const deadLetters = [
      stack.notifications.deliveryFailures,
      stack.delivery.planner.deadLetters,
      stack.delivery.smsSender.deadLetters,
      stack.changeDetection.failures,
      stack.deadlineCheck.deadLetters,
    ];
    for (const dlq of deadLetters) {
      const [depth, age, ...others] = on(dlq.queue);
      expect(others).toEqual([]);
      expect(depth).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0 });
      expect(age).toMatchObject({ MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 7 * 24 * 3600 });
    }
  });

  it('alarms when no scheduled deadline check completed in a day, treating no data as breaching', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'SanctionsWatch',
      MetricName: 'ScheduledChecksCompleted',
      Statistic: 'Sum',
      Period: 86_400,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
  });

  it('alarms when the SMS spend reaches 80 % of the monthly limit set from context', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SNS',
      MetricName: 'SMSMonthToDateSpentUSD',
      Statistic: 'Maximum',
      Threshold: 50 * SMS_SPEND_ALARM_SHARE,
    });
  });

  it('alarms on any message that failed for good, over both channels, within 5 minutes', () => {
    const failed = alarms().filter((alarm) => JSON.stringify(alarm.Metrics ?? []).includes('MessagesFailed'));
    expect(failed).toEqual([
      expect.objectContaining({
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmDescription: expect.stringContaining('docs/runbook.md#messages-failed'),
      }),
    ]);
    const metrics = JSON.stringify(failed[0]?.Metrics);
    expect(metrics).toContain('FILL(email, 0) + FILL(sms, 0)');
    for (const channel of ['email', 'sms'])
      expect(metrics).toContain(JSON.stringify({ Name: 'channel', Value: channel }));
  });

  it("alarms on the API's 5xx rate over 5 minutes", () => {
    const rate = alarms().filter((alarm) => JSON.stringify(alarm.Metrics ?? []).includes('100 * errors / requests'));
    expect(rate).toEqual([expect.objectContaining({ Threshold: API_5XX_RATE_PERCENT })]);
    expect(JSON.stringify(rate[0]?.Metrics)).toContain('"5xx"');
  });
});

describe('operations: the SMS spend limit', () => {
  it('sets MonthlySpendLimit from -c smsMonthlySpendLimit through its custom resource, with only sns:SetSMSAttributes', () => {
    template.hasResourceProperties('Custom::SmsSpendLimit', {
      ServiceToken: { 'Fn::GetAtt': [logicalId(cfn(stack.smsSpendLimit.handler.function)), 'Arn'] },
      MonthlySpendLimit: '50',
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [ref(cfn(stack.smsSpendLimit.handler.role))],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'SmsSettings', Action: 'sns:SetSMSAttributes', Resource: '*' }),
        ]),
      }),
    });
  });

  it('defaults to the 1 USD quota of a new account, and refuses a limit that is not a number of dollars', () => {
    const plain = createTestApp();
    try {
      Template.fromStack(plain.stack).hasResourceProperties('Custom::SmsSpendLimit', { MonthlySpendLimit: '1' });
    } finally {
      plain.dispose();
    }
    expect(() => createTestApp({ context: { smsMonthlySpendLimit: 'lots' } })).toThrow(/smsMonthlySpendLimit/);
  });
});

describe('operations: the dashboard', () => {
  it('shows sends per channel, latency p50/p99, errors, queue depths and the SMS spend', () => {
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard') as Record<string, Resource>);
    const body = JSON.stringify(dashboard?.Properties['DashboardBody']);
    for (const title of [
      'Messages sent per channel',
      'Messages deferred and failed',
      'Stream-to-send latency p50 / p99 (ms)',
      'Function errors',
      'Queue depths',
      'SMS spend this month (USD)',
    ])
      expect(body).toContain(title);
    for (const fragment of ['MessagesSent', 'StreamToSendLatency', '\\"p99\\"', '\\"p50\\"', 'SMSMonthToDateSpentUSD'])
      expect(body).toContain(fragment);
    expect(body).toContain('ApproximateNumberOfMessagesVisible');
  });
});

describe('operations: the stack', () => {
  it('keeps the root template and each nested one under the 500 resources, 200 parameters and 200 outputs CloudFormation allows', () => {
    const nested = stack.node.findAll().filter((construct) => construct instanceof NestedStack);
    expect(nested).toEqual([stack.routeFunctions]);
    for (const each of [stack, ...nested]) {
      const json = templates(each).toJSON();
      const [resources, parameters, outputs] = ['Resources', 'Parameters', 'Outputs'].map(
        (section) => Object.keys(json[section] ?? {}).length,
      ) as [number, number, number];
      // The headroom, for whoever adds the next route or function.
      console.info(
        `${each.node.path}: ${resources} resources (${500 - resources} left), ${parameters} parameters, ${outputs} outputs`,
      );
      expect(resources, each.node.path).toBeLessThan(500);
      expect(parameters, each.node.path).toBeLessThanOrEqual(200);
      expect(outputs, each.node.path).toBeLessThanOrEqual(200);
    }
  });
});

describe('operations: logs and backups', () => {
  it('keeps every function log 90 days by default', () => {
    const groups = allFunctions(stack)
      .concat(stack.smsSpendLimit.handler)
      .map((fn) => resourceOf(templates, cfn(fn.logGroup)).Properties['RetentionInDays']);
    expect(new Set(groups)).toEqual(new Set([90]));
  });

  it('takes -c logRetentionDays, and refuses a value CloudWatch Logs does not accept', () => {
    const shorter = createTestApp({ context: { logRetentionDays: '30' } });
    try {
      const retention = (
        Template.fromStack(shorter.stack).toJSON()['Resources'][
          logicalId(cfn(shorter.stack.deadlineCheck.handler.logGroup))
        ] as Resource
      ).Properties['RetentionInDays'];
      expect(retention).toBe(30);
    } finally {
      shorter.dispose();
    }
    expect(() => createTestApp({ context: { logRetentionDays: '31' } })).toThrow(/logRetentionDays/);
  });

  it('has point-in-time recovery on the table, and termination protection only on the production stack', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(stack.terminationProtection).toBe(false);
    const production = createTestApp({ context: { production: 'true' } });
    try {
      expect(production.stack.terminationProtection).toBe(true);
    } finally {
      production.dispose();
    }
  });
});
