import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  confirmationLinkIn,
  createOutboxSender,
  type OutboxEntry,
  type OutboxOptions,
  readOutbox,
} from '../../local/outbox/outbox-sender.ts';
import { emailMessage, smsMessage } from '../support/outgoing-messages.ts';

let directory: string;
let outbox: string;
let printed: string[];
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'outbox-'));
  // A directory that does not exist yet: the sender creates it.
  outbox = join(directory, 'notify', 'outbox.jsonl');
  printed = [];
});
afterEach(() => rm(directory, { recursive: true, force: true }));

const open = (extra: Partial<OutboxOptions> = {}) =>
  createOutboxSender({
    file: outbox,
    now: () => new Date('2025-03-02T09:00:00Z'),
    print: (line) => printed.push(line),
    ...extra,
  });

const entries = async (): Promise<OutboxEntry[]> => readOutbox(outbox);

describe('the local outbox sender', () => {
  it('appends one JSON line per message, with the documented fields, and prints a line', async () => {
    const sender = open();

    const sent = await sender.send(emailMessage);
    await sender.send(smsMessage);

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

  it("refuses as SNS would: a number that replied STOP, and a message without its channel's part", async () => {
    const sender = open({ optedOutPhones: ['+447700900123'] });

    await expect(sender.send(smsMessage)).rejects.toMatchObject({ code: 'opted-out', retryable: false });
    await expect(sender.send({ ...emailMessage, email: undefined })).rejects.toMatchObject({
      code: 'invalid-message',
      retryable: false,
    });
    expect(printed).toEqual([]);
    expect(await entries()).toEqual([]);
  });

  it('records what a message is, and finds the confirmation link in a confirmation mail', async () => {
    const sender = open();
    const link = 'http://localhost:3000/confirm?c=email%3Aana%40example.org&o=uma&x=2025-03-05T09%3A00%3A00.000Z&s=abc';

    await sender.send({
      ...emailMessage,
      kind: 'confirmation',
      email: { subject: 'Confirm', body: `Open:\n${link}\n\nBye` },
    });

    const [entry] = await entries();
    expect(entry?.kind).toBe('confirmation');
    expect(confirmationLinkIn(entry?.text ?? '')).toBe(link);
    expect(confirmationLinkIn('no link here, only http://localhost:3000/unsubscribe?c=x')).toBeUndefined();
  });
});
