import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MessageSender } from '../../lambdas/core/ports/message-sender.ts';
import { NotifierError, type OutgoingMessage } from '../../lambdas/core/ports/notifier.ts';

export interface OutboxOptions {
  /** JSON lines, one per message. */
  readonly file: string;
  readonly now: () => Date;
  /** Where the one-line summaries go; console.log when absent. */
  readonly print?: (line: string) => void;
  /** Numbers that count as having replied STOP, to try the opted-out path. */
  readonly optedOutPhones?: readonly string[];
}

/** One line of the outbox. */
export interface OutboxEntry {
  readonly at: string;
  readonly contact: string;
  readonly channel: 'email' | 'sms';
  readonly to: string;
  readonly subject?: string;
  readonly text: string;
  readonly eventIds: readonly string[];
  /** What the message is: a delivery's kind, or `confirmation` for a request for consent. */
  readonly kind?: string;
}

/** Every message in an outbox file, oldest first; none before the first is written. */
export const readOutbox = (file: string): OutboxEntry[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as OutboxEntry)
    : [];

/**
 * SES's and SNS's part for `npm start`: instead of mailing and texting, it appends each message to
 * a JSON-lines outbox and prints a line, so a developer can read what subscribers would get and
 * follow a confirmation mail's link. Like SNS, it refuses numbers that said STOP.
 */
export const createOutboxSender = (options: OutboxOptions): MessageSender => {
  const { file, now } = options;
  const print = options.print ?? ((line: string) => console.log(line));
  const optedOut = new Set(options.optedOutPhones ?? []);

  const append = async (entry: OutboxEntry): Promise<void> => {
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, `${JSON.stringify(entry)}\n`);
    const summary = entry.subject ?? entry.text.replace(/\s+/g, ' ');
    print(`outbox: ${entry.channel} to ${entry.to}: ${summary.length > 80 ? `${summary.slice(0, 79)}…` : summary}`);
  };

  return {
    send: async (message: OutgoingMessage): Promise<{ readonly messageId: string }> => {
      const context = `outbox send for ${message.contact} (${message.channel})`;
      const text = message.channel === 'email' ? message.email?.body : message.sms;
      if (text === undefined)
        throw new NotifierError('invalid-message', `${context}: the ${message.channel} part is missing`);
      if (message.channel === 'sms' && optedOut.has(message.to))
        throw new NotifierError('opted-out', `${context}: the number has opted out of SMS`);
      const { contact, channel, to, eventIds } = message;
      await append({
        at: now().toISOString(),
        contact,
        channel,
        to,
        ...(message.email ? { subject: message.email.subject } : {}),
        text,
        eventIds,
        ...(message.kind ? { kind: message.kind } : {}),
      });
      return { messageId: `local-${randomUUID()}` };
    },
  };
};

/** The confirmation link in a message's text, as the service's confirmation mail writes it. */
export const confirmationLinkIn = (text: string): string | undefined => /https?:\/\/\S+\/confirm\?\S+/.exec(text)?.[0];
