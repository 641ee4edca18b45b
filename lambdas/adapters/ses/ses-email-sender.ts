import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { SES_SENDER_ENV } from '../../contracts/environment.ts';
import { contactKeyOf } from '../../core/contacts/contact-key.ts';
import type { MessageSender } from '../../core/ports/message-sender.ts';
import { NotifierError, type OutgoingMessage } from '../../core/ports/notifier.ts';
import { requiredEnv } from '../environment.ts';
import type { SesCalls } from './ses-calls.ts';
import { sesNotifierError } from './ses-errors.ts';

export interface SesEmailSenderOptions {
  /** The From address: of an identity verified in SES (the address, or its domain). */
  readonly fromAddress: string;
  /** Publishes the messages' bounces and complaints, and applies the account's suppression list. */
  readonly configurationSetName: string;
}

/** SES takes a header value of printable ASCII, at most 995 characters (MessageHeader in the SES v2 API). */
const HEADER_VALUE = /^[\x20-\x7E]{1,995}$/;

const UTF_8 = 'UTF-8';

/**
 * The RFC 8058 headers every message but a confirmation request carries (that one asks for a yes,
 * and ignoring it is the way to say no). Refused, before calling SES and for good, without a
 * one-click link SES can carry: an https URL, printable ASCII, at most 993 characters.
 */
const unsubscribeHeaders = (message: OutgoingMessage, context: string): { Name: string; Value: string }[] => {
  const listUnsubscribe = `<${message.unsubscribeUrl ?? ''}>`;
  if (!message.unsubscribeUrl?.startsWith('https://') || !HEADER_VALUE.test(listUnsubscribe))
    throw new NotifierError(
      'invalid-message',
      `${context}: the message has no one-click unsubscribe link SES can carry (an https URL, printable ASCII, at most 993 characters)`,
    );
  return [
    { Name: 'List-Unsubscribe', Value: listUnsubscribe },
    { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
  ];
};

/**
 * Email through SES v2: one SendEmail per message to the contact's address, through the
 * configuration set, with the RFC 8058 one-click unsubscribe headers (`List-Unsubscribe` with the
 * contact's signed link, `List-Unsubscribe-Post`), so mail clients can offer an unsubscribe button
 * that reaches the service and not a spam report.
 */
export class SesEmailSender implements MessageSender {
  readonly #ses: SesCalls;
  readonly #options: SesEmailSenderOptions;

  constructor(ses: SesCalls, options: SesEmailSenderOptions) {
    this.#ses = ses;
    this.#options = options;
  }

  async send(message: OutgoingMessage): Promise<{ readonly messageId: string }> {
    const context = `SendEmail for ${contactKeyOf(message.contact)}`;
    const input = this.#input(message, context);
    let messageId: string | undefined;
    try {
      ({ MessageId: messageId } = await this.#ses.sendEmail(input));
    } catch (error) {
      throw sesNotifierError(error, context);
    }
    if (messageId === undefined) throw new NotifierError('rejected', `${context} returned no message id`);
    return { messageId };
  }

  /** Refuses, before calling SES and for good, a message SES could not carry as it should. */
  #input(message: OutgoingMessage, context: string): SendEmailCommandInput {
    if (message.channel !== 'email' || !message.email)
      throw new NotifierError('invalid-message', `${context}: not an email message`);
    return {
      FromEmailAddress: this.#options.fromAddress,
      Destination: { ToAddresses: [message.to] },
      Content: {
        Simple: {
          Subject: { Data: message.email.subject, Charset: UTF_8 },
          Body: { Text: { Data: message.email.body, Charset: UTF_8 } },
          ...(message.kind === 'confirmation' ? {} : { Headers: unsubscribeHeaders(message, context) }),
        },
      },
      ConfigurationSetName: this.#options.configurationSetName,
      ...(message.kind ? { EmailTags: [{ Name: 'kind', Value: message.kind }] } : {}),
    };
  }
}

/** The sender as the stack configures it (SES_SENDER_ENV), through SES loaded eagerly or on first use; built once per process by the AWS root. */
export const createSesEmailSender = (ses: SesCalls): SesEmailSender =>
  new SesEmailSender(ses, {
    fromAddress: requiredEnv(SES_SENDER_ENV.fromAddress),
    configurationSetName: requiredEnv(SES_SENDER_ENV.configurationSet),
  });
