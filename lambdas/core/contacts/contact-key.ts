import { createHash } from 'node:crypto';

/**
 * A contact's key: a hash of its id (`email:<address>`, `sms:<number>`) that names the contact
 * wherever the address must not appear: queue bodies, the failure queue, logs, errors and table
 * keys. The contact item, keyed by it, holds the address.
 */
export const contactKeyOf = (contactId: string): string =>
  createHash('sha256').update(contactId, 'utf8').digest('base64url').slice(0, 32);

export const CONTACT_KEY = /^[A-Za-z0-9_-]{32}$/;
