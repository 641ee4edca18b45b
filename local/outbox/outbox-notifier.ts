import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MessageSender } from '../../lambdas/core/ports/message-sender.ts';
import {
  type ContactAddress,
  type Notifier,
  NotifierError,
  type OutgoingMessage,
  type SubscriptionState,
} from '../../lambdas/core/ports/notifier.ts';
import { contactOf } from '../../lambdas/core/watches/watch.ts';

export interface OutboxNotifierOptions {
  /** JSON lines, one per message; the state file sits beside it (`outbox.jsonl` → `outbox.state.json`). */
  readonly file: string;
  readonly now: () => Date;
  /** The local API's origin, e.g. `http://localhost:3000`: confirmation links point there. */
  readonly confirmationBaseUrl: string;
  /** Where the one-line summaries go; console.log when absent. */
  readonly print?: (line: string) => void;
  /** Numbers that count as having replied STOP, to try the opted-out path. */
  readonly optedOutPhones?: readonly string[];
}

/** The Notifier port, plus what the confirmation link in the email does in AWS. */
export interface OutboxNotifier extends Notifier {
  /** The outbox as a channel sender: what SES and SNS SMS are to the delivery pipeline's senders. */
  readonly sender: MessageSender;
  /** Confirms the subscription the token was sent for; returns its address, or undefined for an unknown token. */
  confirm(token: string): Promise<string | undefined>;
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
}

/** Every message in an outbox file, oldest first; none before the first is written. */
export const readOutbox = (file: string): OutboxEntry[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as OutboxEntry)
    : [];

interface Subscription {
  readonly address: string;
  readonly token: string;
  readonly confirmed: boolean;
}

/** By contact: the confirmations must survive a restart, as SNS's do. */
type SubscriptionFile = Record<string, Subscription>;

const CONFIRMATION_SUBJECT = 'Confirm your sanctions-watch subscription';
/** What SNS answers for a subscription awaiting confirmation, so the dispatcher sees the same. */
const PENDING = 'pending confirmation';
const TOPIC_PREFIX = 'local:';

const stateFileOf = (file: string): string => file.replace(/(\.[^./\\]*)?$/, '.state.json');

const readSubscriptions = async (file: string): Promise<SubscriptionFile> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SubscriptionFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
};

/**
 * readSubscriptions, parsed again only when the file changed: the dispatcher asks once per
 * message, and parsing thousands of subscriptions each time cost milliseconds a message. Every
 * write renames a new file into place, so its inode, change time or size differ from the last read.
 */
const cachedSubscriptionsReader = (file: string): (() => Promise<SubscriptionFile>) => {
  let cached: { readonly version: string; readonly subscriptions: SubscriptionFile } | undefined;
  return async () => {
    // Taken before reading: a write in between leaves newer content under an older version, read again next time.
    const version = await stat(file, { bigint: true }).then(
      ({ ino, mtimeNs, size }) => `${ino}:${mtimeNs}:${size}`,
      (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
        throw error;
      },
    );
    if (cached?.version === version) return cached.subscriptions;
    const subscriptions = await readSubscriptions(file);
    cached = { version, subscriptions };
    return subscriptions;
  };
};

const saveSubscriptions = async (file: string, subscriptions: SubscriptionFile): Promise<void> => {
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed, so a crash mid-write never leaves a torn file behind.
  await writeFile(`${file}.tmp`, `${JSON.stringify(subscriptions, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
};

/**
 * Records these addresses as subscribed and confirmed, as if each had followed its link, in one
 * write and without mail: for loading many contacts at once (the bench). Not for use beside a
 * notifier writing the same files.
 */
export const confirmSubscriptions = async (file: string, addresses: readonly string[]): Promise<void> => {
  const stateFile = stateFileOf(file);
  const confirmed = addresses.map((address): [string, Subscription] => [
    contactOf({ channel: { email: address } }),
    { address, token: randomBytes(18).toString('base64url'), confirmed: true },
  ]);
  await saveSubscriptions(stateFile, { ...(await readSubscriptions(stateFile)), ...Object.fromEntries(confirmed) });
};

/**
 * The Notifier for `npm start`: instead of mailing and texting, it appends each message to a
 * JSON-lines outbox and prints a line, so a developer can read what subscribers would get and
 * follow the confirmation link. State is read from disk on every call, so two instances (or a
 * restarted one) on the same files agree.
 */
export const createOutboxNotifier = (options: OutboxNotifierOptions): OutboxNotifier => {
  const { file, now, confirmationBaseUrl } = options;
  const print = options.print ?? ((line: string) => console.log(line));
  const stateFile = stateFileOf(file);
  const optedOut = new Set(options.optedOutPhones ?? []);
  const subscriptionsNow = cachedSubscriptionsReader(stateFile);
  // Read-modify-write of the state file, one at a time, so concurrent subscriptions lose nothing.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };

  const append = async (entry: OutboxEntry): Promise<void> => {
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, `${JSON.stringify(entry)}\n`);
    const summary = entry.subject ?? entry.text.replace(/\s+/g, ' ');
    print(`outbox: ${entry.channel} to ${entry.to}: ${summary.length > 80 ? `${summary.slice(0, 79)}…` : summary}`);
  };

  const isPhoneOptedOut = (phone: string): Promise<boolean> => Promise.resolve(optedOut.has(phone));

  const sendMessage = async (message: OutgoingMessage): Promise<{ readonly messageId: string }> => {
    const context = `outbox send for ${message.contact} (${message.channel})`;
    const text = message.channel === 'email' ? message.email?.body : message.sms;
    if (text === undefined)
      throw new NotifierError('invalid-message', `${context}: the ${message.channel} part is missing`);
    if (message.channel === 'sms' && (await isPhoneOptedOut(message.to)))
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
    });
    return { messageId: `local-${randomUUID()}` };
  };

  return {
    sender: { send: sendMessage },
    send: async (message: OutgoingMessage, address: ContactAddress) => {
      if (message.channel === 'email' && address.topicArn === undefined)
        throw new NotifierError(
          'not-subscribed',
          `outbox send for ${message.contact} (email): the contact has no topic; subscribe it first`,
        );
      return sendMessage(message);
    },

    subscribeEmail: (address: string) =>
      serialized(async () => {
        const contact = contactOf({ channel: { email: address } });
        const subscriptions = await subscriptionsNow();
        const existing = subscriptions[contact];
        // Subscribing again never undoes a confirmation; a pending one gets its link again.
        if (existing?.confirmed)
          return { topicArn: `${TOPIC_PREFIX}${contact}`, subscriptionArn: `${TOPIC_PREFIX}${contact}` };
        const token = existing?.token ?? randomBytes(18).toString('base64url');
        await saveSubscriptions(stateFile, { ...subscriptions, [contact]: { address, token, confirmed: false } });
        await append({
          at: now().toISOString(),
          contact,
          channel: 'email',
          to: address,
          subject: CONFIRMATION_SUBJECT,
          text: `You asked sanctions-watch to email ${address} about UN sanctions reporting deadlines.\n\nConfirm: ${confirmationBaseUrl}/local/confirm/${token}\n\nIf this was not you, ignore this message.`,
          eventIds: [],
        });
        return { topicArn: `${TOPIC_PREFIX}${contact}`, subscriptionArn: PENDING };
      }),

    confirm: (token: string) =>
      serialized(async () => {
        const subscriptions = await subscriptionsNow();
        const found = Object.entries(subscriptions).find(([, subscription]) => subscription.token === token);
        if (!found) return undefined;
        const [contact, subscription] = found;
        await saveSubscriptions(stateFile, { ...subscriptions, [contact]: { ...subscription, confirmed: true } });
        return subscription.address;
      }),

    subscriptionState: async (address: ContactAddress): Promise<SubscriptionState> => {
      const contact = address.topicArn?.startsWith(TOPIC_PREFIX)
        ? address.topicArn.slice(TOPIC_PREFIX.length)
        : undefined;
      const subscription = contact === undefined ? undefined : (await subscriptionsNow())[contact];
      if (!subscription) return 'gone';
      return subscription.confirmed ? 'confirmed' : 'pending';
    },

    isPhoneOptedOut,
  };
};
