import { describe, expect, it } from 'vitest';
import { stack, template, useSynthesizedStack } from './synthesized-stack.ts';
import { arnOf, cfn, logicalId, ref, resourceOf } from './template-queries.ts';

useSynthesizedStack();

describe('SanctionsWatch stack', () => {
  describe('scheduled delivery', () => {
    const job = () => stack.scheduledDelivery;
    const queueArn = () => arnOf(cfn(job().deadLetters.queue));

    it('runs hourly on the hour, retrying a failed delivery twice within the hour into its dead-letter queue', () => {
      expect(resourceOf(template, cfn(job().rule)).Properties).toMatchObject({
        ScheduleExpression: 'cron(0 * * * ? *)',
        State: 'ENABLED',
        Targets: [
          {
            Arn: arnOf(cfn(job().handler.function)),
            Id: expect.any(String),
            RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
            DeadLetterConfig: { Arn: queueArn() },
          },
        ],
      });
    });

    it('has five minutes and 1,024 MB, reads and writes the table, and dead-letters runs that failed all retries', () => {
      const fn = job().handler;
      expect(resourceOf(template, cfn(fn.function)).Properties).toMatchObject({
        Timeout: 300,
        MemorySize: 1024,
        DeadLetterConfig: { TargetArn: queueArn() },
      });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: ref(cfn(fn.function)),
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 3600,
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: arnOf(cfn(fn.function)),
        Principal: 'events.amazonaws.com',
        SourceArn: arnOf(cfn(job().rule)),
      });
    });

    it('raises an alarm as soon as a run is dead-lettered', () => {
      expect(resourceOf(template, cfn(job().deadLetters.queue)).Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [
          { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(job().deadLetters.queue)), 'QueueName'] } },
        ],
        Threshold: 0,
      });
    });
  });
});
