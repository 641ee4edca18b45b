import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { checkTopicPrefix } from '../../lambdas/contracts/contact-topics.ts';
import { FAILURE_QUEUE_URL_ENV, SNS_NOTIFIER_ENV } from '../../lambdas/contracts/environment.ts';
import { allFunctions, notifyingFunctions } from './stack-functions.ts';
import { stack, template, useSynthesizedStack } from './synthesized-stack.ts';
import {
  actionList,
  actionsOf,
  arnOf,
  cfn,
  deniesInsecureTransport,
  environmentOf,
  logicalId,
  onlyResource,
  type Resource,
  ref,
  resourceOf,
  type Statement,
  statementsOf,
} from './template-queries.ts';

/** `arn:<partition>:sns:<region>:<account>:<prefix>*` as the template spells it: this account's topics in this region. */
const contactTopicsArn = (prefix: string) => ({
  'Fn::Join': [
    '',
    ['arn:', { Ref: 'AWS::Partition' }, ':sns:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${prefix}*`],
  ],
});

useSynthesizedStack();

describe('SanctionsWatch stack', () => {
  describe('notifications', () => {
    const notifications = () => stack.notifications;
    const keyArn = () => arnOf(cfn(notifications().key));
    const subscriptionQueue = () => notifications().subscriptionDeadLetters.queue;
    const failuresQueue = () => notifications().deliveryFailures.queue;
    const topics = () => contactTopicsArn(notifications().topicPrefix);

    it('name the contact topics after the stack, within the SNS topic-name rules', () => {
      expect(notifications().topicPrefix).toBe('SanctionsWatch-contact-');
      expect(() => checkTopicPrefix(notifications().topicPrefix)).not.toThrow();
    });

    it('encrypt with one customer-managed key of their own that rotates and is retained', () => {
      expect(resourceOf(template, cfn(notifications().key))).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: expect.objectContaining({ EnableKeyRotation: true }),
      });
    });

    it("let SNS use the key only for this account's contact topics", () => {
      const { KeyPolicy } = resourceOf(template, cfn(notifications().key)).Properties as {
        KeyPolicy: { Statement: Statement[] };
      };
      const forSns = KeyPolicy.Statement.filter((statement) =>
        JSON.stringify(statement.Principal).includes('sns.amazonaws.com'),
      );
      expect(forSns).toHaveLength(1);
      const [statement] = forSns as [Statement];
      expect(statement).toMatchObject({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Resource: '*' });
      expect(actionList(statement).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
      expect(statement.Condition).toEqual({ ArnLike: { 'aws:SourceArn': topics() } });
    });

    it("dead-letter the subscriptions into a queue encrypted with the key, kept 14 days, that only SNS for this account's contact topics may write to", () => {
      const properties = resourceOf(template, cfn(subscriptionQueue())).Properties;
      expect(properties).toMatchObject({ KmsMasterKeyId: keyArn(), MessageRetentionPeriod: 14 * 24 * 3600 });
      expect(properties['SqsManagedSseEnabled']).toBeUndefined();
      const policy = onlyResource(
        template.findResources('AWS::SQS::QueuePolicy', {
          Properties: { Queues: [ref(cfn(subscriptionQueue()))] },
        }) as Record<string, Resource>,
      );
      const { Statement: statements } = policy.Properties['PolicyDocument'] as { Statement: Statement[] };
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 'sqs:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
      const allows = statements.filter((statement) => statement.Effect === 'Allow');
      expect(allows).toEqual([
        {
          Sid: expect.any(String),
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: arnOf(cfn(subscriptionQueue())),
          Condition: { ArnLike: { 'aws:SourceArn': topics() } },
        },
      ]);
    });

    it('park failed deliveries in an encrypted, TLS-only queue kept 14 days', () => {
      expect(resourceOf(template, cfn(failuresQueue())).Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(cfn(failuresQueue()))],
        PolicyDocument: {
          Statement: Match.arrayWith([deniesInsecureTransport]),
        },
      });
    });

    it('raise an alarm as soon as a message waits in either queue', () => {
      for (const queue of [subscriptionQueue(), failuresQueue()]) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(queue)), 'QueueName'] } }],
          ComparisonOperator: 'GreaterThanThreshold',
          Threshold: 0,
          EvaluationPeriods: 1,
          TreatMissingData: 'notBreaching',
        });
      }
    });

    it('give the notifying functions, and only those, the notifier settings', () => {
      const notifying = notifyingFunctions(stack);
      expect(notifying.map((fn) => fn.node.id)).toEqual(
        expect.arrayContaining(['create-watch', 'update-watch', 'request-watch-confirmation', 'test-watch']),
      );
      const settings = {
        [SNS_NOTIFIER_ENV.kmsKeyId]: keyArn(),
        [SNS_NOTIFIER_ENV.deadLetterQueueArn]: arnOf(cfn(subscriptionQueue())),
        [SNS_NOTIFIER_ENV.topicPrefix]: 'SanctionsWatch-contact-',
        [FAILURE_QUEUE_URL_ENV]: ref(cfn(failuresQueue())),
      };
      // The pipeline's senders park what failed for good in the same queue, and need nothing else of the notifier.
      const parking = [stack.delivery.emailSender.handler, stack.delivery.smsSender.handler];
      for (const fn of allFunctions(stack)) {
        const environment = environmentOf(template, fn);
        if (notifying.includes(fn)) {
          expect(environment, fn.node.path).toMatchObject(settings);
        } else {
          for (const [name, value] of Object.entries(settings))
            expect(environment[name], `${fn.node.path} ${name}`).toEqual(
              parking.includes(fn) && name === FAILURE_QUEUE_URL_ENV ? value : undefined,
            );
        }
      }
    });

    it('let the notifying functions call only what the SNS adapter calls, on the contact topics; SMS calls alone on *', () => {
      for (const fn of notifyingFunctions(stack)) {
        const sns = statementsOf(template, fn).filter((statement) =>
          actionList(statement).some((action) => action.startsWith('sns:')),
        );
        const onTopics = sns.filter((statement) => JSON.stringify(statement.Resource) === JSON.stringify(topics()));
        const onAnything = sns.filter((statement) => statement.Resource === '*');
        // Every SNS grant is one or the other, and none is mixed with other services' actions.
        expect(onTopics.length + onAnything.length, fn.node.path).toBe(sns.length);
        for (const statement of sns)
          expect(
            actionList(statement).every((action) => action.startsWith('sns:')),
            fn.node.path,
          ).toBe(true);

        expect(onTopics.flatMap(actionList).sort(), fn.node.path).toEqual([
          'sns:CreateTopic',
          'sns:GetSubscriptionAttributes',
          'sns:ListSubscriptionsByTopic',
          'sns:Publish',
          'sns:Subscribe',
        ]);
        // Only email can be subscribed: no queue, function or HTTP endpoint can be attached to a topic.
        const subscribe = onTopics.filter((statement) => actionList(statement).includes('sns:Subscribe'));
        expect(subscribe, fn.node.path).toEqual([
          expect.objectContaining({
            Action: 'sns:Subscribe',
            Condition: { StringEquals: { 'sns:Protocol': 'email' } },
          }),
        ]);
        expect(onAnything.flatMap(actionList).sort(), fn.node.path).toEqual([
          'sns:CheckIfPhoneNumberIsOptedOut',
          'sns:Publish',
        ]);
      }
    });

    it('let the notifying functions use the key for publishing and send to the failures queue, nothing more', () => {
      for (const fn of notifyingFunctions(stack)) {
        const statements = statementsOf(template, fn);
        const kms = statements.filter((statement) => actionList(statement).some((action) => action.startsWith('kms:')));
        expect(kms, fn.node.path).toEqual([expect.objectContaining({ Effect: 'Allow', Resource: keyArn() })]);
        expect(actionList(kms[0] as Statement).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
        expect(statements, fn.node.path).toContainEqual(
          expect.objectContaining({
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Resource: arnOf(cfn(failuresQueue())),
          }),
        );
        expect(actionsOf(template, fn)).not.toEqual(
          expect.arrayContaining([
            expect.stringMatching(
              /^(sns:\*|sqs:(\*|ReceiveMessage|DeleteMessage|PurgeQueue)|kms:(\*|Encrypt|ReEncrypt.*))$/,
            ),
          ]),
        );
      }
    });

    it('leave every other function without any SNS or KMS permission (the AlertEvents publisher, the SMS sender and the migrations have their own: alert-event-feed.test.ts, delivery-pipeline.test.ts, migrations.test.ts)', () => {
      const notifying = notifyingFunctions(stack);
      const others = allFunctions(stack).filter(
        (fn) =>
          !notifying.includes(fn) &&
          fn !== stack.alertEvents.publisher.handler &&
          fn !== stack.delivery.smsSender.handler &&
          fn !== stack.migrations.runner.handler,
      );
      expect(others.map((fn) => fn.node.id)).toEqual(
        expect.arrayContaining(['get-watch', 'verify-watch', 'preview-watch', 'list-watch-deliveries', 'delete-watch']),
      );
      for (const fn of others) {
        expect(
          actionsOf(template, fn).filter((action) => /^(sns|kms):/.test(action)),
          fn.node.path,
        ).toEqual([]);
      }
    });

    it('are found through the DeliveryFailuresQueueUrl and SubscriptionDeadLetterQueueUrl outputs', () => {
      template.hasOutput('DeliveryFailuresQueueUrl', { Value: ref(cfn(failuresQueue())) });
      template.hasOutput('SubscriptionDeadLetterQueueUrl', { Value: ref(cfn(subscriptionQueue())) });
    });
  });
});
