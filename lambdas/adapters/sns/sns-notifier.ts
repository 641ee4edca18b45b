import {
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  PublishCommand,
  type PublishCommandInput,
  SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import { checkTopicPrefix } from '../../contracts/contact-topics.ts';
import { SNS_NOTIFIER_ENV } from '../../contracts/environment.ts';
import { SUBJECT_MAX_LENGTH } from '../../core/messages/email-message.ts';
import {
  type ContactAddress,
  type Notifier,
  NotifierError,
  type OutgoingMessage,
  type SubscriptionState,
} from '../../core/ports/notifier.ts';
import { requiredEnv } from '../environment.ts';
import { notifierErrorFrom } from './sns-errors.ts';
import { SnsSmsSender, snsAttempt } from './sns-sms-sender.ts';
import { emailTopicName } from './topic-names.ts';

export interface SnsNotifierOptions {
  /** Encrypts each contact's topic: the messages at rest name states and people's addresses. */
  readonly kmsKeyId: string;
  /** SQS queue for what SNS could not deliver: without one, email and SMS are dropped after ~6 hours of retries. */
  readonly deadLetterQueueArn: string;
  /** Starts every contact topic's name, so IAM policies and the DLQ's policy can match `<prefix>*`. */
  readonly topicPrefix: string;
}

/** SNS refuses other subjects; checked here so the refusal names the contact and is never retried. */
const VALID_SUBJECT = new RegExp(`^[\\x20-\\x7E]{1,${SUBJECT_MAX_LENGTH}}$`);

/** Without ReturnSubscriptionArn, SNS says `pending confirmation` instead; listings say `PendingConfirmation`. */
const isArn = (value: string | undefined): value is string => value?.startsWith('arn:') === true;

/** Fields the SNS API marks optional but always returns on success. */
const present = <T>(value: T | undefined, context: string): T => {
  if (value === undefined) throw new NotifierError('rejected', `${context} returned no result`);
  return value;
};

/**
 * Email goes through one SNS topic per contact, so the contact's confirmation and unsubscribe
 * links work as SNS intends and touch no one else; SMS is published to the number directly.
 */
export class SnsNotifier implements Notifier {
  readonly #sns: SNSClient;
  readonly #options: SnsNotifierOptions;
  readonly #sms: SnsSmsSender;

  constructor(sns: SNSClient, options: SnsNotifierOptions) {
    checkTopicPrefix(options.topicPrefix);
    this.#sns = sns;
    this.#sms = new SnsSmsSender(sns);
    this.#options = options;
  }

  async send(message: OutgoingMessage, address: ContactAddress): Promise<{ readonly messageId: string }> {
    if (message.channel === 'sms') return this.#sms.send(message);
    const context = `Publish for ${message.contact} (${message.channel})`;
    const input = emailInput(message, address, context);
    const { MessageId } = await snsAttempt(context, () => this.#sns.send(new PublishCommand(input)));
    return { messageId: present(MessageId, context) };
  }

  async subscribeEmail(address: string): Promise<ContactAddress> {
    // Lowercased as contactOf is: two spellings of one mailbox must not become two subscriptions.
    const endpoint = address.toLowerCase();
    const { kmsKeyId, deadLetterQueueArn, topicPrefix } = this.#options;
    const topicContext = `CreateTopic for email:${endpoint}`;
    // Idempotent: the same name with the same attributes returns the existing topic.
    const { TopicArn } = await snsAttempt(topicContext, () =>
      this.#sns.send(
        new CreateTopicCommand({
          Name: emailTopicName(topicPrefix, endpoint),
          Attributes: { KmsMasterKeyId: kmsKeyId },
        }),
      ),
    );
    const topicArn = present(TopicArn, topicContext);
    const subscribeContext = `Subscribe for email:${endpoint}`;
    // Subscribing again re-sends a pending confirmation and returns the same subscription.
    const { SubscriptionArn } = await snsAttempt(subscribeContext, () =>
      this.#sns.send(
        new SubscribeCommand({
          TopicArn: topicArn,
          Protocol: 'email',
          Endpoint: endpoint,
          ReturnSubscriptionArn: true,
          Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetterQueueArn }) },
        }),
      ),
    );
    return { topicArn, subscriptionArn: present(SubscriptionArn, subscribeContext) };
  }

  async subscriptionState(address: ContactAddress): Promise<SubscriptionState> {
    if (isArn(address.subscriptionArn)) return this.#stateOf(address.subscriptionArn);
    if (address.topicArn === undefined) return 'gone';
    // The topic is the contact's alone, so any email subscription on it is theirs.
    const listed = await this.#emailSubscriptionArns(address.topicArn);
    const real = listed.find(isArn);
    if (real !== undefined) return this.#stateOf(real);
    return listed.length > 0 ? 'pending' : 'gone';
  }

  isPhoneOptedOut(phone: string): Promise<boolean> {
    return this.#sms.isOptedOut(phone);
  }

  async #stateOf(subscriptionArn: string): Promise<SubscriptionState> {
    try {
      const { Attributes } = await this.#sns.send(
        new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }),
      );
      return Attributes?.PendingConfirmation === 'true' ? 'pending' : 'confirmed';
    } catch (error) {
      const failure = notifierErrorFrom(error, `GetSubscriptionAttributes for ${subscriptionArn}`);
      // Unsubscribing, or letting a confirmation lapse, deletes the subscription.
      if (failure.code === 'not-found') return 'gone';
      throw failure;
    }
  }

  async #emailSubscriptionArns(topicArn: string): Promise<string[]> {
    const arns: string[] = [];
    let nextToken: string | undefined;
    try {
      do {
        const page = await this.#sns.send(
          new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: nextToken }),
        );
        for (const { Protocol, SubscriptionArn } of page.Subscriptions ?? []) {
          if (Protocol === 'email' && SubscriptionArn !== undefined) arns.push(SubscriptionArn);
        }
        nextToken = page.NextToken;
      } while (nextToken !== undefined);
    } catch (error) {
      const failure = notifierErrorFrom(error, `ListSubscriptionsByTopic for ${topicArn}`);
      if (failure.code === 'not-found') return [];
      throw failure;
    }
    return arns;
  }
}

const emailInput = (message: OutgoingMessage, address: ContactAddress, context: string): PublishCommandInput => {
  const { email } = message;
  if (email === undefined)
    throw new NotifierError('invalid-message', `${context}: an email message without its subject and body`);
  if (!VALID_SUBJECT.test(email.subject)) {
    throw new NotifierError(
      'invalid-message',
      `${context}: the subject must be 1 to ${SUBJECT_MAX_LENGTH} printable ASCII characters on one line`,
    );
  }
  if (address.topicArn === undefined)
    throw new NotifierError('not-subscribed', `${context}: the contact has no topic; subscribe it first`);
  return {
    TopicArn: address.topicArn,
    Subject: email.subject,
    MessageStructure: 'json',
    // The topic holds only the contact's email subscription; were an SMS one ever added, it would get one line, not the whole body.
    Message: JSON.stringify({ default: email.body, email: email.body, sms: message.sms ?? email.subject }),
  };
};

/** The notifier the AWS composition root builds once per process, from the environment the stack sets (SNS_NOTIFIER_ENV). */
export const createSnsNotifier = (client: SNSClient = new SNSClient({})): SnsNotifier =>
  new SnsNotifier(client, {
    kmsKeyId: requiredEnv(SNS_NOTIFIER_ENV.kmsKeyId),
    deadLetterQueueArn: requiredEnv(SNS_NOTIFIER_ENV.deadLetterQueueArn),
    topicPrefix: requiredEnv(SNS_NOTIFIER_ENV.topicPrefix),
  });
