import { describe, expect, it } from 'vitest';
import { SOURCE_FEED_ENV } from '../../lambdas/contracts/environment.ts';
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

  describe('scheduled source job', () => {
    const job = () => stack.sourceCheck.job;

    it('runs hourly, retrying within the hour into its alarmed dead-letter queue, with autoAccept off and no feed URL unless given', () => {
      expect(resourceOf(template, cfn(job().rule)).Properties).toMatchObject({
        ScheduleExpression: 'rate(1 hour)',
        Targets: [
          {
            Arn: arnOf(cfn(job().handler.function)),
            RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
            DeadLetterConfig: { Arn: arnOf(cfn(job().deadLetters.queue)) },
          },
        ],
      });
      const fn = resourceOf(template, cfn(job().handler.function)).Properties as {
        Timeout: number;
        Environment: { Variables: Record<string, unknown> };
      };
      expect(fn.Timeout).toBe(600);
      expect(fn.Environment.Variables[SOURCE_FEED_ENV.autoAccept]).toBe('false');
      expect(fn.Environment.Variables[SOURCE_FEED_ENV.dailyIssuanceUrl]).toBeUndefined();
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [
          { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(job().deadLetters.queue)), 'QueueName'] } },
        ],
      });
    });
  });
});
