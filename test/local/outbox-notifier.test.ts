import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  confirmSubscriptions,
  createOutboxNotifier,
  type OutboxEntry,
  type OutboxNotifierOptions,
  readOutbox,
} from '../../local/outbox/outbox-notifier.ts';
import { emailMessage, smsMessage } from '../support/outgoing-messages.ts';

let directory: string;
let outbox: string;
let printed: string[];
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'outbox-'));
  // A directory that does not exist yet: the notifier creates it.
  outbox = join(directory, 'notify', 'outbox.jsonl');
  printed = [];
});
afterEach(() => rm(directory, { recursive: true, force: true }));

const open = (extra: Partial<OutboxNotifierOptions> = {}) =>
  createOutboxNotifier({
    file: outbox,
    now: () => new Date('2025-03-02T09:00:00Z'),
    confirmationBaseUrl: 'http://localhost:3000',
    print: (line) => printed.push(line),
    ...extra,
  });

const entries = async (): Promise<OutboxEntry[]> => readOutbox(outbox);

const tokenIn = (text: string): string => {
  const token = /\/local\/confirm\/([\w-]+)/.exec(text)?.[1];
  if (token === undefined) throw new Error(`no confirmation link in ${text}`);
  return token;
};

describe('the local outbox notifier', () => {
  it('appends one JSON line per message, with the documented fields, and prints a line', async () => {
    const notifier = open();

    const sent = await notifier.send(emailMessage, { topicArn: 'local:email:ana@example.org' });
    await notifier.send(smsMessage, {});

    expect(sent.messageId).toMatch(/^local-/);
    expect(await entries()).toEqual([
      {
        at: '2025-03-02T09:00:00.000Z',
        contact: 'email:ana@example.org',
        channel: 'email',
        to: 'ana@example.org',
        subject: 'Nigeria overdue: 1718 Committee report',
        text: 'Nigeria has not reported.\n\nUnsubscribe below.',
        eventIds: ['e-1', 'e-2'],
      },
      {
        at: '2025-03-02T09:00:00.000Z',
        contact: 'sms:+447700900123',
        channel: 'sms',
        to: '+447700900123',
        text: smsMessage.sms,
        eventIds: ['e-1'],
      },
    ]);
    expect(printed).toEqual([
      'outbox: email to ana@example.org: Nigeria overdue: 1718 Committee report',
      expect.stringMatching(/^outbox: sms to \+447700900123: Nigeria overdue/),
    ]);
  });

  it('refuses as SNS would: an opted-out number, an email contact without a topic', async () => {
    const notifier = open({ optedOutPhones: ['+447700900123'] });

    await expect(notifier.isPhoneOptedOut('+447700900123')).resolves.toBe(true);
    await expect(notifier.isPhoneOptedOut('+447700900999')).resolves.toBe(false);
    await expect(notifier.send(smsMessage, {})).rejects.toMatchObject({ code: 'opted-out', retryable: false });
    await expect(notifier.send(emailMessage, {})).rejects.toMatchObject({ code: 'not-subscribed', retryable: false });
    expect(printed).toEqual([]);
  });

  it('writes a confirmation link; following it confirms the subscription', async () => {
    const notifier = open();

    const address = await notifier.subscribeEmail('Ana@Example.org');

    expect(address).toEqual({ topicArn: 'local:email:ana@example.org', subscriptionArn: 'pending confirmation' });
    const [confirmation] = await entries();
    expect(confirmation).toMatchObject({
      contact: 'email:ana@example.org',
      channel: 'email',
      to: 'Ana@Example.org',
      subject: 'Confirm your sanctions-watch subscription',
      eventIds: [],
    });
    expect(confirmation?.text).toMatch(/http:\/\/localhost:3000\/local\/confirm\/[\w-]{16,}/);
    await expect(notifier.subscriptionState(address)).resolves.toBe('pending');

    await expect(notifier.confirm(tokenIn(confirmation?.text ?? ''))).resolves.toBe('Ana@Example.org');

    await expect(notifier.subscriptionState(address)).resolves.toBe('confirmed');
    await expect(notifier.confirm('no-such-token')).resolves.toBeUndefined();
  });

  it('keeps confirmations across instances on the same files', async () => {
    const first = open();
    const address = await first.subscribeEmail('ana@example.org');
    const token = tokenIn((await entries())[0]?.text ?? '');

    const second = open();
    await expect(first.subscriptionState(address)).resolves.toBe('pending');
    await expect(second.subscriptionState(address)).resolves.toBe('pending');
    await expect(second.confirm(token)).resolves.toBe('ana@example.org');

    await expect(open().subscriptionState(address)).resolves.toBe('confirmed');
    await expect(first.subscriptionState(address)).resolves.toBe('confirmed');
  });

  it('resends a pending link unchanged and never undoes a confirmation', async () => {
    const notifier = open();
    await notifier.subscribeEmail('ana@example.org');
    await notifier.subscribeEmail('ana@example.org');
    const [first, second] = await entries();
    expect(tokenIn(second?.text ?? '')).toBe(tokenIn(first?.text ?? ''));

    await notifier.confirm(tokenIn(first?.text ?? ''));
    const again = await notifier.subscribeEmail('ana@example.org');

    await expect(notifier.subscriptionState(again)).resolves.toBe('confirmed');
    expect(await entries()).toHaveLength(2);
  });

  it('loses no subscription when several arrive at once', async () => {
    const notifier = open();
    const addresses = await Promise.all(
      ['a@example.org', 'b@example.org', 'c@example.org'].map((email) => notifier.subscribeEmail(email)),
    );

    expect(await Promise.all(addresses.map((address) => notifier.subscriptionState(address)))).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
  });

  it('confirms many addresses at once, without mail, keeping the subscriptions already there', async () => {
    const notifier = open();
    const pending = await notifier.subscribeEmail('ana@example.org');

    await confirmSubscriptions(outbox, ['bo@example.org', 'cy@example.org']);

    const states = await Promise.all(
      [pending, { topicArn: 'local:email:bo@example.org' }, { topicArn: 'local:email:cy@example.org' }].map((address) =>
        notifier.subscriptionState(address),
      ),
    );
    expect(states).toEqual(['pending', 'confirmed', 'confirmed']);
    expect(await entries()).toHaveLength(1);
  });

  it('knows nothing of addresses it never subscribed', async () => {
    await expect(
      open().subscriptionState({ topicArn: 'local:email:bo@example.org', subscriptionArn: 'pending confirmation' }),
    ).resolves.toBe('gone');
    await expect(open().subscriptionState({})).resolves.toBe('gone');
  });
});
