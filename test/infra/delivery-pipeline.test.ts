import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { deliveryQueues } from '../../lambdas/contracts/delivery-queues.ts';
import { DELIVERY_QUEUE_URL_ENV } from '../../lambdas/contracts/environment.ts';
import { waveAnnouncerStream } from '../../lambdas/contracts/streams.ts';
import type { BaseFunction } from '../../lib/constructs/base-function.ts';
import type { QueueConsumer } from '../../lib/constructs/queue-consumer.ts';
import { allFunctions, notifyingFunctions } from './stack-functions.ts';
import { stack, template, templateOf, useSynthesizedStack } from './synthesized-stack.ts';
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
  smsToPhoneNumbersOnly,
  snsStatementsOf,
  statementsOf,
} from './template-queries.ts';

useSynthesizedStack();

/** The consumers by queue; the stack is synthesized once the tests run, not when they are collected. */
const consumers: [string, () => QueueConsumer, (typeof deliveryQueues)[keyof typeof deliveryQueues]][] = [
  ['waves (the planner)', () => stack.delivery.planner, deliveryQueues.waves],
  ['shards (the shard workers)', () => stack.delivery.shardWorkers, deliveryQueues.shards],
  ['email (the email sender)', () => stack.delivery.emailSender, deliveryQueues.email],
  ['sms (the SMS sender)', () => stack.delivery.smsSender, deliveryQueues.sms],
];

const mappingOf = (fn: BaseFunction): Resource =>
  onlyResource(
    template.findResources('AWS::Lambda::EventSourceMapping', {
      Properties: { FunctionName: ref(cfn(fn.function)) },
    }) as Record<string, Resource>,
  );

/** The queues a function may send to, by logical id. */
const queuesSentTo = (fn: BaseFunction): string[] =>
  statementsOf(templateOf, fn)
    .filter((statement) => actionList(statement).includes('sqs:SendMessage'))
    .flatMap((statement) => [statement.Resource].flat())
    .map((resource) => JSON.stringify(resource))
    .sort();

describe('the delivery pipeline', () => {
  describe.each(consumers)('the %s queue', (_name, consumerOf, settings) => {
    it('is encrypted, TLS-only, and hides a handed-back message for six times its function timeout', () => {
      const queue = resourceOf(templateOf, cfn(consumerOf().queue)).Properties;
      expect(queue).toMatchObject({
        SqsManagedSseEnabled: true,
        VisibilityTimeout: settings.visibilityTimeoutSeconds,
        RedrivePolicy: {
          deadLetterTargetArn: arnOf(cfn(consumerOf().deadLetters.queue)),
          maxReceiveCount: settings.maxReceiveCount,
        },
      });
      expect(settings.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(6 * settings.timeoutSeconds);
      expect(queue['DelaySeconds']).toBe(settings.delaySeconds || undefined);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(cfn(consumerOf().queue))],
        PolicyDocument: { Statement: Match.arrayWith([deniesInsecureTransport]) },
      });
    });

    it('feeds its function in batches with partial failures, at bounded concurrency, within the timeout', () => {
      expect(mappingOf(consumerOf().handler).Properties).toMatchObject({
        EventSourceArn: arnOf(cfn(consumerOf().queue)),
        BatchSize: settings.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: settings.maximumConcurrency },
      });
      expect(resourceOf(templateOf, cfn(consumerOf().handler.function)).Properties['Timeout']).toBe(
        settings.timeoutSeconds,
      );
    });

    it('alarms as soon as a message lands in its dead-letter queue', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Dimensions: [
          { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(consumerOf().deadLetters.queue)), 'QueueName'] } },
        ],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    });
  });

  it('delays each wave by the grouping window, 60 s', () => {
    expect(resourceOf(templateOf, cfn(stack.delivery.planner.queue)).Properties['DelaySeconds']).toBe(60);
  });

  it('lets each function send only to the queues after it: announcer → waves → shards → senders, and the hourly job → senders', () => {
    const arn = (consumer: QueueConsumer) => JSON.stringify(arnOf(cfn(consumer.queue)));
    const { planner, shardWorkers, emailSender, smsSender, announcer } = stack.delivery;
    const failures = JSON.stringify(arnOf(cfn(stack.notifications.deliveryFailures.queue)));
    expect(queuesSentTo(announcer.handler)).toEqual(
      [arn(planner), JSON.stringify(arnOf(cfn(announcer.failures.queue)))].sort(),
    );
    expect(queuesSentTo(planner.handler)).toEqual(
      [arn(planner), arn(shardWorkers), arn(emailSender), arn(smsSender)].sort(),
    );
    expect(queuesSentTo(shardWorkers.handler)).toEqual([arn(emailSender), arn(smsSender)].sort());
    expect(queuesSentTo(emailSender.handler)).toEqual([failures]);
    expect(queuesSentTo(smsSender.handler)).toEqual([failures]);
    expect(environmentOf(templateOf, planner.handler)).toMatchObject({
      [DELIVERY_QUEUE_URL_ENV.waves]: ref(cfn(planner.queue)),
      [DELIVERY_QUEUE_URL_ENV.shards]: ref(cfn(shardWorkers.queue)),
      [DELIVERY_QUEUE_URL_ENV.email]: ref(cfn(emailSender.queue)),
      [DELIVERY_QUEUE_URL_ENV.sms]: ref(cfn(smsSender.queue)),
    });
    const hourly = stack.scheduledDelivery.handler;
    // Beside its own dead letters, where Lambda puts a run that failed every attempt.
    const hourlyDeadLetters = JSON.stringify(arnOf(cfn(stack.scheduledDelivery.deadLetters.queue)));
    expect(queuesSentTo(hourly)).toEqual([arn(emailSender), arn(smsSender), hourlyDeadLetters].sort());
    const hourlyEnvironment = environmentOf(templateOf, hourly);
    expect(hourlyEnvironment).toMatchObject({
      [DELIVERY_QUEUE_URL_ENV.email]: ref(cfn(emailSender.queue)),
      [DELIVERY_QUEUE_URL_ENV.sms]: ref(cfn(smsSender.queue)),
    });
    expect(hourlyEnvironment).not.toHaveProperty(DELIVERY_QUEUE_URL_ENV.shards);
    expect(hourlyEnvironment).not.toHaveProperty(DELIVERY_QUEUE_URL_ENV.waves);
  });

  it('gives the announcer the inserted alert events of the stream and nothing of the table', () => {
    const { announcer } = stack.delivery;
    expect(
      onlyResource(
        template.findResources('AWS::Lambda::EventSourceMapping', {
          Properties: { FunctionName: ref(cfn(announcer.handler.function)) },
        }) as Record<string, Resource>,
      ).Properties,
    ).toMatchObject({
      BatchSize: waveAnnouncerStream.batchSize,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(waveAnnouncerStream.filterPatterns[0]) }] },
    });
    const tableActions = actionsOf(templateOf, announcer.handler).filter((action) => action.startsWith('dynamodb:'));
    expect(tableActions.sort()).toEqual(
      ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'].sort(),
    );
  });

  it('lets the SMS sender publish to phone numbers only, never to a topic or endpoint', () => {
    expect(snsStatementsOf(templateOf, stack.delivery.smsSender.handler)).toEqual(smsToPhoneNumbersOnly);
  });

  it.each([
    ['email', () => stack.delivery.emailSender],
    ['sms', () => stack.delivery.smsSender],
  ] as const)('lets the %s sender delay a throttled job on its own queue, and no other', (channel, senderOf) => {
    const sender = senderOf();
    const delaying = statementsOf(templateOf, sender.handler).filter((statement) =>
      actionList(statement).includes('sqs:ChangeMessageVisibility'),
    );
    expect(delaying.map((statement) => statement.Resource)).toEqual([arnOf(cfn(sender.queue))]);
    expect(environmentOf(templateOf, sender.handler)[DELIVERY_QUEUE_URL_ENV[channel]]).toEqual(ref(cfn(sender.queue)));
  });

  it('lets only the email sender and the notifying functions send email, and only through SES', () => {
    const sending = [stack.delivery.emailSender.handler, ...notifyingFunctions(stack)];
    for (const fn of allFunctions(stack)) {
      const ses = actionsOf(templateOf, fn).filter((action) => action.startsWith('ses:'));
      expect(ses, fn.node.path).toEqual(sending.includes(fn) ? ['ses:SendEmail'] : []);
    }
  });
});
