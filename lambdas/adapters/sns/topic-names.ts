import { createHash } from 'node:crypto';

/** SNS topic names: ASCII letters, digits, `-` and `_`, 1 to 256 characters. */
const TOPIC_NAME_MAX_LENGTH = 256;
const TOPIC_NAME_CHARS = /^[A-Za-z0-9_-]*$/;

/** 96 bits: collisions stay out of reach for any number of contacts this service will see. */
const HASH_LENGTH = 24;

/** Fails at cold start on a prefix that would make every topic name invalid. */
export const checkTopicPrefix = (prefix: string): void => {
  if (!TOPIC_NAME_CHARS.test(prefix) || prefix.length + HASH_LENGTH > TOPIC_NAME_MAX_LENGTH) {
    throw new Error(
      `Configuration error: SNS topic prefix ${JSON.stringify(prefix)} must be letters, digits, - or _ and at most ${TOPIC_NAME_MAX_LENGTH - HASH_LENGTH} characters`,
    );
  }
};

/**
 * The topic of one email contact. Hashed so that topic names and ARNs, which show up in logs and
 * the console, carry no address; lowercased as contactOf is, so one mailbox has one topic.
 */
export const emailTopicName = (prefix: string, address: string): string =>
  `${prefix}${createHash('sha256').update(address.toLowerCase(), 'utf8').digest('hex').slice(0, HASH_LENGTH)}`;
