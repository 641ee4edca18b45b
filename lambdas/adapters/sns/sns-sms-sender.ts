import { CheckIfPhoneNumberIsOptedOutCommand, PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { contactKeyOf } from '../../core/contacts/contact-key.ts';
import type { MessageSender } from '../../core/ports/message-sender.ts';
import { NotifierError, type OutgoingMessage } from '../../core/ports/notifier.ts';
import { notifierErrorFrom } from './sns-errors.ts';

/** Time-critical texts: Transactional gets the better routes (Promotional may be delayed or filtered). */
const SMS_ATTRIBUTES = { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } };

export const snsAttempt = async <T>(context: string, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw notifierErrorFrom(error, context);
  }
};

/** SMS through SNS: published to the number itself (no topic), after asking SNS whether it said STOP. */
export class SnsSmsSender implements MessageSender {
  readonly #sns: SNSClient;

  constructor(sns: SNSClient) {
    this.#sns = sns;
  }

  async isOptedOut(phone: string, context = `CheckIfPhoneNumberIsOptedOut for sms:${phone}`): Promise<boolean> {
    const { isOptedOut } = await snsAttempt(context, () =>
      this.#sns.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber: phone })),
    );
    return isOptedOut === true;
  }

  async send(message: OutgoingMessage): Promise<{ readonly messageId: string }> {
    const context = `Publish for ${contactKeyOf(message.contact)} (sms)`;
    const { sms } = message;
    if (message.channel !== 'sms' || sms === undefined)
      throw new NotifierError('invalid-message', `${context}: an SMS message without its text`);
    // Publishing to an opted-out number fails anyway; checking first says why, without a refusal to retry.
    if (await this.isOptedOut(message.to, `CheckIfPhoneNumberIsOptedOut for ${contactKeyOf(message.contact)}`))
      throw new NotifierError('opted-out', `${context}: the number has opted out of SMS`);
    const { MessageId } = await snsAttempt(context, () =>
      this.#sns.send(
        new PublishCommand({
          PhoneNumber: message.to,
          MessageStructure: 'json',
          Message: JSON.stringify({ default: sms, sms }),
          MessageAttributes: SMS_ATTRIBUTES,
        }),
      ),
    );
    if (MessageId === undefined) throw new NotifierError('rejected', `${context} returned no result`);
    return { messageId: MessageId };
  }
}
