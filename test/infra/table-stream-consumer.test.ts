import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { changeDetectionStream, waveAnnouncerStream } from '../../lambdas/contracts/streams.ts';
import type { StreamProcessingConfig, TableStreamConsumer } from '../../lib/constructs/table-stream-consumer.ts';
import { stack, template, useSynthesizedStack } from './synthesized-stack.ts';
import {
  actionsOf,
  arnOf,
  cfn,
  deniesInsecureTransport,
  logicalId,
  onlyResource,
  type Resource,
  ref,
  resourceOf,
} from './template-queries.ts';

useSynthesizedStack();

describe('SanctionsWatch stack', () => {
  const streamArn = () => ({ 'Fn::GetAtt': [logicalId(cfn(stack.table.table)), 'StreamArn'] });
  const mappingOf = (consumer: TableStreamConsumer): Resource =>
    onlyResource(
      template.findResources('AWS::Lambda::EventSourceMapping', {
        Properties: { FunctionName: ref(cfn(consumer.handler.function)) },
      }) as Record<string, Resource>,
    );

  describe.each([['change detection', 'changeDetectionStream', () => stack.changeDetection, changeDetectionStream]] as [
    string,
    string,
    () => TableStreamConsumer,
    StreamProcessingConfig,
  ][])('%s stream consumer', (_name, configName, consumer, config) => {
    const queueArn = () => arnOf(cfn(consumer().failures.queue));
    const mapping = () => mappingOf(consumer());

    it(`reads the table stream with exactly the batching and retries of ${configName}`, () => {
      expect(mapping().Properties).toMatchObject({
        EventSourceArn: streamArn(),
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: config.batchSize,
        MaximumBatchingWindowInSeconds: config.maxBatchingWindowSeconds,
        MaximumRetryAttempts: config.retryAttempts,
        MaximumRecordAgeInSeconds: config.maxRecordAgeSeconds,
        BisectBatchOnFunctionError: config.bisectBatchOnError,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      expect(config.reportBatchItemFailures).toBe(true);
    });

    it(`filters with the very patterns of ${configName}, as the local poller does`, () => {
      const { Filters } = mapping().Properties['FilterCriteria'] as { Filters: { Pattern: string }[] };
      expect(Filters.map((filter) => JSON.parse(filter.Pattern) as unknown)).toEqual(config.filterPatterns);
      // Byte-identical too: the pattern string is exactly what the config serialises to.
      expect(Filters.map((filter) => filter.Pattern)).toEqual(
        config.filterPatterns.map((pattern) => JSON.stringify(pattern)),
      );
    });

    it('sends batches that failed every attempt to an encrypted, TLS-only queue kept 14 days', () => {
      expect(mapping().Properties['DestinationConfig']).toEqual({ OnFailure: { Destination: queueArn() } });
      expect(resourceOf(template, cfn(consumer().failures.queue)).Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(cfn(consumer().failures.queue))],
        PolicyDocument: {
          Statement: Match.arrayWith([deniesInsecureTransport]),
        },
      });
    });

    it('raises an alarm as soon as a failure record is waiting', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [
          { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(consumer().failures.queue)), 'QueueName'] } },
        ],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
    });

    it('may read the stream, write the table and send to its queue, but not manage the table', () => {
      const fn = consumer().handler;
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [ref(cfn(fn.role))],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: Match.arrayWith(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']),
              Resource: streamArn(),
            }),
          ]),
        },
      });
      // A separate assertion: Match.arrayWith expects its elements in order, and the statements' order is CDK's business.
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [ref(cfn(fn.role))],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: queueArn() }),
          ]),
        },
      });
      const actions = actionsOf(template, fn);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:ListStreams', 'dynamodb:PutItem', 'sqs:SendMessage']));
      expect(actions).not.toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^(dynamodb:(\*|DeleteTable|UpdateTable|CreateTable)|sqs:(\*|DeleteQueue|ReceiveMessage|PurgeQueue))$/,
          ),
        ]),
      );
    });
  });

  describe('change detection', () => {
    it('has a minute and 512 MB', () => {
      expect(resourceOf(template, cfn(stack.changeDetection.handler.function)).Properties).toMatchObject({
        Timeout: 60,
        MemorySize: 512,
      });
    });
  });
});

describe('stream consumer timeouts', () => {
  it('are those of their configs, which the local stream poller gives each invocation too', () => {
    const resources = template.toJSON()['Resources'] as Record<string, Resource>;
    const timeoutOf = (consumer: TableStreamConsumer) =>
      resources[logicalId(cfn(consumer.handler.function))]?.Properties['Timeout'];
    expect([timeoutOf(stack.changeDetection), timeoutOf(stack.delivery.announcer)]).toEqual([
      changeDetectionStream.timeoutSeconds,
      waveAnnouncerStream.timeoutSeconds,
    ]);
  });
});
