import { createHmac, timingSafeEqual } from 'node:crypto';

/** Keeps these signatures apart from anything else the same secret might ever sign. */
const PURPOSE = 'sanctions-watch unsubscribe v1';

/** 256 bits at least: the signature is only as hard to forge as the secret is to guess. */
const MIN_SECRET_LENGTH = 32;

/** What `unsubscribeSignature` makes: an HMAC-SHA256, base64url (43 characters). */
export const UNSUBSCRIBE_SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The signature that lets whoever holds a message unsubscribe its contact, and nothing else:
 * HMAC-SHA256 of the contact id under the service's secret, base64url.
 */
export const unsubscribeSignature = (secret: string, contactId: string): string => {
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`The unsubscribe secret must be at least ${MIN_SECRET_LENGTH} characters long`);
  return createHmac('sha256', secret).update(`${PURPOSE}\n${contactId}`, 'utf8').digest('base64url');
};

/** Whether `signature` is the contact's; compared in constant time, so timing tells a forger nothing. */
export const isUnsubscribeSignature = (secret: string, contactId: string, signature: string): boolean => {
  const expected = Buffer.from(unsubscribeSignature(secret, contactId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/**
 * The one-click unsubscribe link of a contact, on the API at `apiUrl` (no trailing slash): the
 * `List-Unsubscribe` header and the email's footer carry it. GET shows a page, POST unsubscribes.
 */
export const unsubscribeUrl = (apiUrl: string, secret: string, contactId: string): string =>
  `${apiUrl}/unsubscribe?c=${encodeURIComponent(contactId)}&s=${unsubscribeSignature(secret, contactId)}`;
