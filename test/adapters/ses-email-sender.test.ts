import {
  AccountSuspendedException,
  BadRequestException,
  InternalServiceErrorException,
  LimitExceededException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  NotFoundException,
  SESv2Client,
  SendEmailCommand,
  SendingPausedException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sesCalls } from '../../lambdas/adapters/ses/ses-calls.ts';
import { createSesEmailSender, SesEmailSender } from '../../lambdas/adapters/ses/ses-email-sender.ts';
import { SES_SENDER_ENV } from '../../lambdas/contracts/environment.ts';
import { contactKeyOf } from '../../lambdas/core/contacts/contact-key.ts';
import { NotifierError, type OutgoingMessage } from '../../lambdas/core/ports/notifier.ts';
import { emailMessage, smsMessage } from '../support/outgoing-messages.ts';

const ses = mockClient(SESv2Client);
beforeEach(() => ses.reset());

const options = { fromAddress: 'alerts@sanctions-watch.example.org', configurationSetName: 'SanctionsWatch-email' };
const sender = () => new SesEmailSender(sesCalls(new SESv2Client({})), options);

const unsubscribeUrl = 'https://api.example.org/unsubscribe?c=email%3Aana%40example.org&s=abc';
const message: OutgoingMessage = { ...emailMessage, kind: 'alert', unsubscribeUrl };

const metadata = { $metadata: { httpStatusCode: 400 } };

const failureOf = async (promise: Promise<unknown>): Promise<NotifierError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof NotifierError)) throw new Error(`expected a NotifierError, got ${String(error)}`);
  return error;
};

describe('the SES email sender', () => {
  it('sends one SendEmail to the address, through the configuration set, with the one-click unsubscribe headers', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });

    await expect(sender().send(message)).resolves.toEqual({ messageId: 'ses-1' });

    expect(ses.calls()).toHaveLength(1);
    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input).toEqual({
      FromEmailAddress: 'alerts@sanctions-watch.example.org',
      Destination: { ToAddresses: ['ana@example.org'] },
      Content: {
        Simple: {
          Subject: { Data: 'Nigeria overdue: 1718 Committee report', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Nigeria has not reported.\n\nUnsubscribe below.', Charset: 'UTF-8' } },
          Headers: [
            { Name: 'List-Unsubscribe', Value: `<${unsubscribeUrl}>` },
            { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
          ],
        },
      },
      ConfigurationSetName: 'SanctionsWatch-email',
      EmailTags: [{ Name: 'kind', Value: 'alert' }],
    });
  });

  it('sends a message of no particular kind without tags', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-2' });
    await sender().send({ ...emailMessage, unsubscribeUrl });

    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.EmailTags).toBeUndefined();
  });

  it.each([
    ['an SMS', smsMessage],
    ['an email without its unsubscribe link', emailMessage],
    ['an email whose link is not https', { ...message, unsubscribeUrl: 'http://api.example.org/unsubscribe?c=x&s=y' }],
    [
      'an email whose link is too long for a header',
      { ...message, unsubscribeUrl: `https://x.org/${'a'.repeat(990)}` },
    ],
    ['an email whose link is not ASCII', { ...message, unsubscribeUrl: 'https://api.example.org/unsubscribe?c=é' }],
  ])('refuses %s before calling SES, for good', async (_, refused) => {
    const failure = await failureOf(sender().send(refused));

    expect(failure).toMatchObject({ code: 'invalid-message', retryable: false });
    expect(failure.message).toContain(contactKeyOf(refused.contact));
    expect(failure.message).not.toContain(refused.to);
    expect(ses.calls()).toHaveLength(0);
  });

  it.each([
    [
      'TooManyRequestsException',
      new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: { httpStatusCode: 429 } }),
      'throttled',
      true,
    ],
    ['LimitExceededException', new LimitExceededException({ message: 'limit', ...metadata }), 'throttled', true],
    ['SendingPausedException', new SendingPausedException({ message: 'paused', ...metadata }), 'unavailable', true],
    [
      'InternalServiceErrorException',
      new InternalServiceErrorException({ message: 'oops', $metadata: { httpStatusCode: 500 } }),
      'unavailable',
      true,
    ],
    ['MessageRejected', new MessageRejected({ message: 'virus', ...metadata }), 'rejected', false],
    ['BadRequestException', new BadRequestException({ message: 'bad', ...metadata }), 'invalid-message', false],
    [
      'AccountSuspendedException',
      new AccountSuspendedException({ message: 'suspended', ...metadata }),
      'misconfigured',
      false,
    ],
    [
      'MailFromDomainNotVerifiedException',
      new MailFromDomainNotVerifiedException({ message: 'mx', ...metadata }),
      'misconfigured',
      false,
    ],
    [
      'NotFoundException',
      new NotFoundException({ message: 'no configuration set', ...metadata }),
      'misconfigured',
      false,
    ],
  ])('turns %s into %s', async (name, error, code, retryable) => {
    ses.on(SendEmailCommand).rejects(error);

    const failure = await failureOf(sender().send(message));

    expect(failure).toMatchObject({ code, retryable });
    expect(failure.message).toBe(`SendEmail for ${contactKeyOf('email:ana@example.org')} failed: ${name}`);
    expect(failure.cause).toBe(error);
    expect(failure.message).not.toContain('Nigeria');
  });

  it.each([
    [
      'a 429 of no known name',
      Object.assign(new Error('slow down'), { name: 'Whatever', $metadata: { httpStatusCode: 429 } }),
      'throttled',
    ],
    [
      'a 503 of no known name',
      Object.assign(new Error('down'), { name: 'Whatever', $metadata: { httpStatusCode: 503 } }),
      'unavailable',
    ],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'unavailable'],
    [
      'AccessDeniedException',
      Object.assign(new Error('no grant'), { name: 'AccessDeniedException', ...metadata }),
      'misconfigured',
    ],
    ['anything else', new Error('strange'), 'rejected'],
  ])('turns %s into %s', async (_, error, code) => {
    ses.on(SendEmailCommand).rejects(error);

    expect(await failureOf(sender().send(message))).toMatchObject({ code });
  });

  it('fails, for good, when SES answers without a message id', async () => {
    ses.on(SendEmailCommand).resolves({});

    expect(await failureOf(sender().send(message))).toMatchObject({ code: 'rejected', retryable: false });
  });
});

describe('createSesEmailSender', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('sends from the address and through the configuration set the stack names', async () => {
    vi.stubEnv(SES_SENDER_ENV.fromAddress, 'alerts@example.org');
    vi.stubEnv(SES_SENDER_ENV.configurationSet, 'cs-1');
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-3' });

    await createSesEmailSender(sesCalls()).send(message);

    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input).toMatchObject({
      FromEmailAddress: 'alerts@example.org',
      ConfigurationSetName: 'cs-1',
    });
  });

  it('fails loudly without its settings', () => {
    vi.stubEnv(SES_SENDER_ENV.fromAddress, '');
    vi.stubEnv(SES_SENDER_ENV.configurationSet, 'cs-1');
    expect(() => createSesEmailSender(sesCalls())).toThrow(SES_SENDER_ENV.fromAddress);
  });
});
