import { isLinkSignature, LINK_SIGNATURE, linkSignature } from './signed-link.ts';

/** Keeps these signatures apart from anything else the same secret signs. */
const PURPOSE = 'sanctions-watch unsubscribe v1';

export const UNSUBSCRIBE_SIGNATURE = LINK_SIGNATURE;

/** The signature that lets whoever holds a message unsubscribe its contact, and nothing else. */
export const unsubscribeSignature = (secret: string, contactId: string): string =>
  linkSignature(secret, PURPOSE, [contactId]);

export const isUnsubscribeSignature = (secret: string, contactId: string, signature: string): boolean =>
  isLinkSignature(secret, PURPOSE, [contactId], signature);

/**
 * The one-click unsubscribe link of a contact, on the API at `apiUrl` (no trailing slash): the
 * `List-Unsubscribe` header and the email's footer carry it. GET shows a page, POST unsubscribes.
 */
export const unsubscribeUrl = (apiUrl: string, secret: string, contactId: string): string =>
  `${apiUrl}/unsubscribe?c=${encodeURIComponent(contactId)}&s=${unsubscribeSignature(secret, contactId)}`;
