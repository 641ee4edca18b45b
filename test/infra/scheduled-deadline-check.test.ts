import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { stack, template, useSynthesizedStack } from './synthesized-stack.ts';
import { actionsOf, arnOf, cfn, deniesInsecureTransport, logicalId, ref, resourceOf } from './template-queries.ts';

useSynthesizedStack();

describe('SanctionsWatch stack', () => {
  describe('scheduled deadline check', () => {
    const queueArn = () => arnOf(cfn(stack.deadlineCheck.deadLetters.queue));

    it('runs daily at 06:00 UTC, retrying a failed delivery twice within two hours into the dead-letter queue', () => {
      // This rule, and the hourly delivery job's and source job's.
      template.resourceCountIs('AWS::Events::Rule', 3);
      expect(resourceOf(template, cfn(stack.deadlineCheck.rule)).Properties).toMatchObject({
        ScheduleExpression: 'cron(0 6 * * ? *)',
        State: 'ENABLED',
        Targets: [
          {
            Arn: arnOf(cfn(stack.deadlineCheck.handler.function)),
            Id: expect.any(String),
            RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
            DeadLetterConfig: { Arn: queueArn() },
          },
        ],
      });
    });

    it('has a minute and 512 MB, and dead-letters runs that failed all its bounded retries', () => {
      const fn = stack.deadlineCheck.handler;
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.handler',
        Timeout: 60,
        MemorySize: 512,
        DeadLetterConfig: { TargetArn: queueArn() },
        LoggingConfig: { LogGroup: ref(cfn(fn.logGroup)) },
      });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: ref(cfn(fn.function)),
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 7200,
      });
      expect(actionsOf(template, fn)).toContain('sqs:SendMessage');
    });

    it('may be invoked by its rule only', () => {
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: arnOf(cfn(stack.deadlineCheck.handler.function)),
        Principal: 'events.amazonaws.com',
        SourceArn: arnOf(cfn(stack.deadlineCheck.rule)),
      });
    });

    it('dead-letters into an encrypted, TLS-only queue that only its rule and function write to', () => {
      expect(resourceOf(template, cfn(stack.deadlineCheck.deadLetters.queue)).Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(cfn(stack.deadlineCheck.deadLetters.queue))],
        PolicyDocument: {
          Statement: Match.arrayWith([
            deniesInsecureTransport,
            Match.objectLike({
              Effect: 'Allow',
              Action: 'sqs:SendMessage',
              Principal: { Service: 'events.amazonaws.com' },
              Condition: { ArnEquals: { 'aws:SourceArn': arnOf(cfn(stack.deadlineCheck.rule)) } },
            }),
          ]),
        },
      });
    });

    it('raises an alarm as soon as a dead letter is waiting', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [
          {
            Name: 'QueueName',
            Value: { 'Fn::GetAtt': [logicalId(cfn(stack.deadlineCheck.deadLetters.queue)), 'QueueName'] },
          },
        ],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
    });
  });
});
