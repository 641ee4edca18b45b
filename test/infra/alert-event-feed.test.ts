import { rmSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ALERT_EVENTS_TOPIC_ARN_ENV, TABLE_NAME_ENV } from '../../lambdas/contracts/environment.ts';
import { alertEventPublishStream } from '../../lambdas/contracts/streams.ts';
import { alertEventSubscriberAccounts } from '../../lib/constructs/alert-event-feed.ts';
import { stack, template, useSynthesizedStack } from './synthesized-stack.ts';
import {
  actionList,
  actionsOf,
  arnOf,
  cfn,
  environmentOf,
  logicalId,
  onlyResource,
  type Resource,
  ref,
  resourceOf,
  type Statement,
  statementsOf,
} from './template-queries.ts';
import { createTestApp } from './test-app.ts';

useSynthesizedStack();

const topicPolicyStatements = (found: Template, topicRef: unknown): Statement[] =>
  (
    onlyResource(
      found.findResources('AWS::SNS::TopicPolicy', { Properties: { Topics: [topicRef] } }) as Record<string, Resource>,
    ).Properties['PolicyDocument'] as { Statement: Statement[] }
  ).Statement;

describe('SanctionsWatch stack', () => {
  describe('the AlertEvents topic', () => {
    const feed = () => stack.alertEvents;
    const topicRef = () => ref(cfn(feed().topic));

    it('is encrypted with a key of its own that rotates and is retained', () => {
      expect(resourceOf(template, cfn(feed().topic)).Properties).toMatchObject({
        KmsMasterKeyId: arnOf(cfn(feed().key)),
      });
      expect(resourceOf(template, cfn(feed().key))).toMatchObject({
        DeletionPolicy: 'Retain',
        Properties: expect.objectContaining({ EnableKeyRotation: true }),
      });
      expect(logicalId(cfn(feed().key))).not.toBe(logicalId(cfn(stack.email.key)));
    });

    it('refuses publishing without TLS, and lets no other account subscribe unless told to', () => {
      expect(topicPolicyStatements(template, topicRef())).toEqual([
        {
          Sid: 'AllowPublishThroughSSLOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 'sns:Publish',
          Resource: topicRef(),
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]);
    });

    it('is found through the AlertEventsTopicArn output', () => {
      template.hasOutput('AlertEventsTopicArn', { Value: topicRef() });
    });
  });

  describe('the AlertEvents publisher', () => {
    const feed = () => stack.alertEvents;
    const fn = () => feed().publisher.handler;
    const mapping = () =>
      onlyResource(
        template.findResources('AWS::Lambda::EventSourceMapping', {
          Properties: { FunctionName: ref(cfn(fn().function)) },
        }) as Record<string, Resource>,
      );

    it('reads inserted alert events from the table stream with the settings of alertEventPublishStream', () => {
      expect(mapping().Properties).toMatchObject({
        EventSourceArn: { 'Fn::GetAtt': [logicalId(cfn(stack.table.table)), 'StreamArn'] },
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 100,
        MaximumBatchingWindowInSeconds: 0,
        MaximumRetryAttempts: alertEventPublishStream.retryAttempts,
        MaximumRecordAgeInSeconds: alertEventPublishStream.maxRecordAgeSeconds,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: arnOf(cfn(feed().publisher.failures.queue)) } },
      });
      const { Filters } = mapping().Properties['FilterCriteria'] as { Filters: { Pattern: string }[] };
      expect(Filters.map((filter) => JSON.parse(filter.Pattern) as unknown)).toEqual([
        { eventName: ['INSERT'], dynamodb: { NewImage: { itemType: { S: ['alert-event'] } } } },
      ]);
      expect(resourceOf(template, cfn(fn().function)).Properties).toMatchObject({
        Timeout: alertEventPublishStream.timeoutSeconds,
      });
    });

    it('knows the topic through its environment', () => {
      expect(environmentOf(template, fn())).toMatchObject({
        [ALERT_EVENTS_TOPIC_ARN_ENV]: ref(cfn(feed().topic)),
        [TABLE_NAME_ENV]: ref(cfn(stack.table.table)),
      });
    });

    it('may only Publish to that topic, with its key, and read the stream: no other SNS call, no item of the table', () => {
      const statements = statementsOf(template, fn());
      const sns = statements.filter((statement) => actionList(statement).some((action) => action.startsWith('sns:')));
      expect(sns).toEqual([expect.objectContaining({ Action: 'sns:Publish', Resource: ref(cfn(feed().topic)) })]);
      const kms = statements.filter((statement) => actionList(statement).some((action) => action.startsWith('kms:')));
      expect(kms).toEqual([expect.objectContaining({ Resource: arnOf(cfn(feed().key)) })]);
      expect(kms.flatMap(actionList).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
      const dynamodb = actionsOf(template, fn()).filter((action) => action.startsWith('dynamodb:'));
      expect(dynamodb.sort()).toEqual([
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
      ]);
    });

    it('is the only function that may publish to the topic', () => {
      const publishers = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>).filter(
        (policy) =>
          (policy.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement.some(
            (statement) => JSON.stringify(statement.Resource) === JSON.stringify(ref(cfn(feed().topic))),
          ),
      );
      expect(publishers.map((policy) => policy.Properties['Roles'])).toEqual([[ref(cfn(fn().role))]]);
    });
  });
});

describe('alertEventSubscriberAccounts context', () => {
  it('lets those accounts subscribe their own queues, functions and HTTPS endpoints, nothing else', () => {
    const testApp = createTestApp({ context: { alertEventSubscriberAccounts: '111122223333, 444455556666' } });
    try {
      const synthesized = Template.fromStack(testApp.stack);
      const topicRef = ref(cfn(testApp.stack.alertEvents.topic));
      const allowed = topicPolicyStatements(synthesized, topicRef).filter((statement) => statement.Effect === 'Allow');
      expect(allowed).toEqual([
        {
          Sid: 'SubscriberAccounts',
          Effect: 'Allow',
          Principal: {
            AWS: [
              { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111122223333:root']] },
              { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::444455556666:root']] },
            ],
          },
          Action: 'sns:Subscribe',
          Resource: topicRef,
          Condition: { StringEquals: { 'sns:Protocol': ['sqs', 'lambda', 'https'] } },
        },
      ]);
    } finally {
      testApp.dispose();
    }
  });

  it('rejects anything but 12-digit account ids at synth time', () => {
    const app = new App({ context: { alertEventSubscriberAccounts: '111122223333,alice' } });
    try {
      expect(() => alertEventSubscriberAccounts(app)).toThrow(/12-digit AWS account ids.*"alice"/);
    } finally {
      rmSync(app.outdir, { recursive: true, force: true });
    }
  });
});
