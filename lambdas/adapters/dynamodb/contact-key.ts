import { createHash } from 'node:crypto';

/**
 * A contact's partition, `CONTACT#<hash>`: keys are hashed so addresses and phone numbers never
 * appear in keys, index names or the logs that quote them (the item itself holds the address).
 */
export const contactPartition = (contact: string): string =>
  `CONTACT#${createHash('sha256').update(contact, 'utf8').digest('base64url').slice(0, 32)}`;
