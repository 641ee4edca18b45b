import type { ChannelKind } from '../watches/watch.ts';
import type { OutgoingMessage } from './notifier.ts';

/**
 * Sends one message through a provider that needs no subscription per address (SES for email):
 * no topic to find, no subscription to check before each send.
 */
export interface MessageSender {
  /**
   * Resolves with the provider's message id once it accepted the message. Fails with a
   * NotifierError; `retryable` says whether trying again later can help.
   */
  send(message: OutgoingMessage): Promise<{ readonly messageId: string }>;
}

/** A sender per channel: what sends confirmations, tests, digests and repeats. */
export type ChannelSenders = Readonly<Record<ChannelKind, MessageSender>>;
