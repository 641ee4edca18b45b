import { createHash } from 'node:crypto';
import { CONTACT_TOPIC_HASH_LENGTH } from '../../contracts/contact-topics.ts';

/**
 * The topic of one email contact. Hashed so that topic names and ARNs, which show up in logs and
 * the console, carry no address (96 bits: collisions stay out of reach for any number of contacts
 * this service will see); lowercased as contactOf is, so one mailbox has one topic.
 */
export const emailTopicName = (prefix: string, address: string): string =>
  `${prefix}${createHash('sha256').update(address.toLowerCase(), 'utf8').digest('hex').slice(0, CONTACT_TOPIC_HASH_LENGTH)}`;
