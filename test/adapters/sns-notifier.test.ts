import {
  AuthorizationErrorException,
  CheckIfPhoneNumberIsOptedOutCommand,
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  InvalidParameterException,
  KMSDisabledException,
  ListSubscriptionsByTopicCommand,
  NotFoundException,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
  ThrottledException,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSnsNotifier, SnsNotifier } from '../../lambdas/adapters/sns/sns-notifier.ts';
import { SNS_NOTIFIER_ENV } from '../../lambdas/contracts/environment.ts';
import { NotifierError } from '../../lambdas/core/ports/notifier.ts';
import { emailMessage, smsMessage } from '../support/outgoing-messages.ts';

const sns = mockClient(SNSClient);
beforeEach(() => sns.reset());

const options = {
  kmsKeyId: 'alias/sanctions-watch-notify',
  deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:111122223333:notify-dlq',
  topicPrefix: 'sw-contact-',
};
const notifier = () => new SnsNotifier(new SNSClient({}), options);

const topicArn = 'arn:aws:sns:eu-west-1:111122223333:sw-contact-abc';
const subscriptionArn = `${topicArn}:2b1c0f3e-1d2a-4c6b-9e8f-0a1b2c3d4e5f`;
const address = { topicArn, subscriptionArn };

const metadata = { $metadata: { httpStatusCode: 400 } };

const failureOf = async (promise: Promise<unknown>): Promise<NotifierError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof NotifierError)) throw new Error(`expected a NotifierError, got ${String(error)}`);
  return error;
};

describe('the SNS notifier, email', () => {
  it("publishes to the contact's topic with a JSON message per protocol and the subject", async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });

    await expect(notifier().send(emailMessage, address)).resolves.toEqual({ messageId: 'm-1' });

    const input = sns.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(input).toEqual({
      TopicArn: topicArn,
      Subject: 'Nigeria overdue: 1718 Committee report',
      MessageStructure: 'json',
      Message: expect.any(String),
    });
    expect(JSON.parse(input?.Message ?? '')).toEqual({
      default: 'Nigeria has not reported.\n\nUnsubscribe below.',
      email: 'Nigeria has not reported.\n\nUnsubscribe below.',
      sms: 'Nigeria overdue: 1718 Committee report',
    });
    expect(sns.calls()).toHaveLength(1);
  });

  it.each([
    ['too long', 'x'.repeat(101)],
    ['with a line break', 'Nigeria overdue\nand more'],
    ['not ASCII', "Côte d'Ivoire overdue"],
    ['empty', ''],
  ])('refuses a subject %s before calling SNS, for good', async (_, subject) => {
    const failure = await failureOf(notifier().send({ ...emailMessage, email: { subject, body: 'b' } }, address));

    expect(failure).toMatchObject({ code: 'invalid-message', retryable: false });
    expect(failure.message).toContain('email:ana@example.org (email)');
    expect(sns.calls()).toHaveLength(0);
  });

  it('accepts a subject of exactly 100 characters', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });

    await notifier().send({ ...emailMessage, email: { subject: 'x'.repeat(100), body: 'b' } }, address);

    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });

  it('refuses a contact without a topic', async () => {
    const failure = await failureOf(notifier().send(emailMessage, {}));

    expect(failure).toMatchObject({ code: 'not-subscribed', retryable: false });
    expect(sns.calls()).toHaveLength(0);
  });

  it('subscribes an address through its own encrypted topic, with a dead-letter queue', async () => {
    sns.on(CreateTopicCommand).resolves({ TopicArn: topicArn });
    sns.on(SubscribeCommand).resolves({ SubscriptionArn: subscriptionArn });

    await expect(notifier().subscribeEmail('Ana@Example.org')).resolves.toEqual({ topicArn, subscriptionArn });

    const createTopic = sns.commandCalls(CreateTopicCommand)[0]?.args[0].input;
    expect(createTopic).toEqual({
      Name: expect.stringMatching(/^sw-contact-[0-9a-f]{24}$/),
      Attributes: { KmsMasterKeyId: 'alias/sanctions-watch-notify' },
    });
    expect(sns.commandCalls(SubscribeCommand)[0]?.args[0].input).toEqual({
      TopicArn: topicArn,
      Protocol: 'email',
      Endpoint: 'ana@example.org',
      ReturnSubscriptionArn: true,
      Attributes: { RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:111122223333:notify-dlq"}' },
    });
  });

  it('gives one mailbox one topic, however it is spelled, and the name carries no address', async () => {
    sns.on(CreateTopicCommand).resolves({ TopicArn: topicArn });
    sns.on(SubscribeCommand).resolves({ SubscriptionArn: subscriptionArn });

    await notifier().subscribeEmail('Ana@Example.org');
    await notifier().subscribeEmail('ana@example.org');
    await notifier().subscribeEmail('bo@example.org');

    const names = sns.commandCalls(CreateTopicCommand).map((call) => call.args[0].input.Name);
    expect(names[0]).toBe(names[1]);
    expect(names[2]).not.toBe(names[0]);
    expect(names.join()).not.toMatch(/ana|example/);
  });

  it('refuses a topic prefix SNS would not accept', () => {
    expect(() => new SnsNotifier(new SNSClient({}), { ...options, topicPrefix: 'sw.contact.' })).toThrow(
      /topic prefix/,
    );
    expect(() => new SnsNotifier(new SNSClient({}), { ...options, topicPrefix: 'p'.repeat(233) })).toThrow(
      /topic prefix/,
    );
  });
});

describe('the SNS notifier, SMS', () => {
  it('checks the number is not opted out, then publishes to it as a transactional text', async () => {
    sns.on(CheckIfPhoneNumberIsOptedOutCommand).resolves({ isOptedOut: false });
    sns.on(PublishCommand).resolves({ MessageId: 'm-2' });

    await expect(notifier().send(smsMessage, {})).resolves.toEqual({ messageId: 'm-2' });

    expect(sns.calls().map((call) => call.args[0].constructor.name)).toEqual([
      'CheckIfPhoneNumberIsOptedOutCommand',
      'PublishCommand',
    ]);
    expect(sns.commandCalls(CheckIfPhoneNumberIsOptedOutCommand)[0]?.args[0].input).toEqual({
      phoneNumber: '+447700900123',
    });
    expect(sns.commandCalls(PublishCommand)[0]?.args[0].input).toEqual({
      PhoneNumber: '+447700900123',
      MessageStructure: 'json',
      Message: JSON.stringify({ default: smsMessage.sms, sms: smsMessage.sms }),
      MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
    });
  });

  it('sends nothing to an opted-out number and says so for good', async () => {
    sns.on(CheckIfPhoneNumberIsOptedOutCommand).resolves({ isOptedOut: true });

    const failure = await failureOf(notifier().send(smsMessage, {}));

    expect(failure).toMatchObject({ code: 'opted-out', retryable: false });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it('tells whether a number opted out', async () => {
    sns.on(CheckIfPhoneNumberIsOptedOutCommand, { phoneNumber: '+447700900123' }).resolves({ isOptedOut: true });
    sns.on(CheckIfPhoneNumberIsOptedOutCommand, { phoneNumber: '+447700900999' }).resolves({ isOptedOut: false });

    await expect(notifier().isPhoneOptedOut('+447700900123')).resolves.toBe(true);
    await expect(notifier().isPhoneOptedOut('+447700900999')).resolves.toBe(false);
  });
});

describe("the SNS notifier's errors", () => {
  it.each([
    ['ThrottledException', new ThrottledException({ message: 'Rate exceeded', ...metadata }), 'throttled'],
    [
      'a generic ThrottlingException',
      Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', ...metadata }),
      'throttled',
    ],
    [
      'a 429',
      Object.assign(new Error('Too many'), { name: 'Unknown', $metadata: { httpStatusCode: 429 } }),
      'throttled',
    ],
    [
      'a 503',
      Object.assign(new Error('Unavailable'), { name: 'Unknown', $metadata: { httpStatusCode: 503 } }),
      'unavailable',
    ],
  ])('makes %s a retryable error', async (_, error, code) => {
    sns.on(PublishCommand).rejects(error);

    const failure = await failureOf(notifier().send(emailMessage, address));

    expect(failure).toMatchObject({ code, retryable: true, cause: error });
  });

  it.each([
    [
      'InvalidParameter',
      new InvalidParameterException({ message: 'Invalid parameter: TopicArn', ...metadata }),
      'rejected',
    ],
    [
      'NotFound',
      new NotFoundException({ message: 'Topic does not exist', $metadata: { httpStatusCode: 404 } }),
      'not-found',
    ],
    [
      'AuthorizationError',
      new AuthorizationErrorException({ message: 'not authorized', $metadata: { httpStatusCode: 403 } }),
      'misconfigured',
    ],
    ['a KMS error', new KMSDisabledException({ message: 'key disabled', ...metadata }), 'misconfigured'],
  ])('makes %s a final error naming the contact and channel, not the text', async (_, error, code) => {
    sns.on(PublishCommand).rejects(error);

    const failure = await failureOf(notifier().send(emailMessage, address));

    expect(failure).toMatchObject({ code, retryable: false });
    expect(failure.message).toContain('email:ana@example.org (email)');
    expect(failure.message).not.toContain('Nigeria');
  });

  it('maps a failed opt-out check too', async () => {
    sns
      .on(CheckIfPhoneNumberIsOptedOutCommand)
      .rejects(new ThrottledException({ message: 'Rate exceeded', ...metadata }));

    const failure = await failureOf(notifier().send(smsMessage, {}));

    expect(failure).toMatchObject({ code: 'throttled', retryable: true });
    expect(failure.message).toContain('sms:+447700900123');
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it('maps a failed subscription', async () => {
    sns.on(CreateTopicCommand).rejects(new KMSDisabledException({ message: 'key disabled', ...metadata }));

    const failure = await failureOf(notifier().subscribeEmail('ana@example.org'));

    expect(failure).toMatchObject({ code: 'misconfigured', retryable: false });
    expect(sns.commandCalls(SubscribeCommand)).toHaveLength(0);
  });
});

describe("the SNS notifier's subscription states", () => {
  it.each([
    [{ PendingConfirmation: 'true' }, 'pending'],
    [{ PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'true' }, 'confirmed'],
  ])("reads the stored subscription's attributes %j as %s", async (Attributes, state) => {
    sns.on(GetSubscriptionAttributesCommand).resolves({ Attributes });

    await expect(notifier().subscriptionState(address)).resolves.toBe(state);

    expect(sns.commandCalls(GetSubscriptionAttributesCommand)[0]?.args[0].input).toEqual({
      SubscriptionArn: subscriptionArn,
    });
  });

  it('is gone once the contact unsubscribed', async () => {
    sns
      .on(GetSubscriptionAttributesCommand)
      .rejects(new NotFoundException({ message: 'Subscription does not exist', $metadata: { httpStatusCode: 404 } }));

    await expect(notifier().subscriptionState(address)).resolves.toBe('gone');
  });

  it('passes other failures on', async () => {
    sns.on(GetSubscriptionAttributesCommand).rejects(new ThrottledException({ message: 'Rate exceeded', ...metadata }));

    await expect(notifier().subscriptionState(address)).rejects.toMatchObject({ code: 'throttled', retryable: true });
  });

  it('finds the real subscription on the contact\'s topic when only "pending confirmation" was stored', async () => {
    sns
      .on(ListSubscriptionsByTopicCommand)
      .resolvesOnce({
        Subscriptions: [{ Protocol: 'sqs', SubscriptionArn: `${topicArn}:other`, TopicArn: topicArn }],
        NextToken: 't-2',
      })
      .resolvesOnce({
        Subscriptions: [
          { Protocol: 'email', SubscriptionArn: subscriptionArn, Endpoint: 'ana@example.org', TopicArn: topicArn },
        ],
      });
    sns.on(GetSubscriptionAttributesCommand).resolves({ Attributes: { PendingConfirmation: 'false' } });

    await expect(notifier().subscriptionState({ topicArn, subscriptionArn: 'pending confirmation' })).resolves.toBe(
      'confirmed',
    );

    expect(sns.commandCalls(ListSubscriptionsByTopicCommand).map((call) => call.args[0].input)).toEqual([
      { TopicArn: topicArn, NextToken: undefined },
      { TopicArn: topicArn, NextToken: 't-2' },
    ]);
    expect(sns.commandCalls(GetSubscriptionAttributesCommand)[0]?.args[0].input).toEqual({
      SubscriptionArn: subscriptionArn,
    });
  });

  it('is pending while the listing still says PendingConfirmation, and gone when nothing is listed', async () => {
    sns
      .on(ListSubscriptionsByTopicCommand)
      .resolvesOnce({ Subscriptions: [{ Protocol: 'email', SubscriptionArn: 'PendingConfirmation' }] })
      .resolvesOnce({ Subscriptions: [] });
    const stored = { topicArn, subscriptionArn: 'pending confirmation' };

    await expect(notifier().subscriptionState(stored)).resolves.toBe('pending');
    await expect(notifier().subscriptionState(stored)).resolves.toBe('gone');
    expect(sns.commandCalls(GetSubscriptionAttributesCommand)).toHaveLength(0);
  });

  it('is gone when the topic itself is', async () => {
    sns
      .on(ListSubscriptionsByTopicCommand)
      .rejects(new NotFoundException({ message: 'Topic does not exist', $metadata: { httpStatusCode: 404 } }));

    await expect(notifier().subscriptionState({ topicArn, subscriptionArn: 'pending confirmation' })).resolves.toBe(
      'gone',
    );
  });
});

describe('createSnsNotifier', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('takes its settings from the environment and fails without them', () => {
    vi.stubEnv(SNS_NOTIFIER_ENV.kmsKeyId, options.kmsKeyId);
    vi.stubEnv(SNS_NOTIFIER_ENV.topicPrefix, options.topicPrefix);
    vi.stubEnv(SNS_NOTIFIER_ENV.deadLetterQueueArn, undefined);
    expect(() => createSnsNotifier(new SNSClient({}))).toThrow(/NOTIFIER_DLQ_ARN/);

    vi.stubEnv(SNS_NOTIFIER_ENV.deadLetterQueueArn, options.deadLetterQueueArn);
    expect(createSnsNotifier(new SNSClient({}))).toBeInstanceOf(SnsNotifier);
  });
});
