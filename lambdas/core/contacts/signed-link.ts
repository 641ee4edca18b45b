import { createHmac, timingSafeEqual } from 'node:crypto';

/** 256 bits at least: a signature is only as hard to forge as the secret is to guess. */
const MIN_SECRET_LENGTH = 32;

/** What `linkSignature` makes: an HMAC-SHA256, base64url (43 characters). */
export const LINK_SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The signature of a link the service mails out: HMAC-SHA256 under the service's secret of the
 * link's purpose and its fields, so a signature made for one purpose (say, unsubscribing) is
 * worth nothing for another (confirming).
 */
export const linkSignature = (secret: string, purpose: string, fields: readonly string[]): string => {
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`The link-signing secret must be at least ${MIN_SECRET_LENGTH} characters long`);
  return createHmac('sha256', secret)
    .update([purpose, ...fields].join('\n'), 'utf8')
    .digest('base64url');
};

/** Whether `signature` signs these fields for this purpose; compared in constant time, so timing tells a forger nothing. */
export const isLinkSignature = (
  secret: string,
  purpose: string,
  fields: readonly string[],
  signature: string,
): boolean => {
  const expected = Buffer.from(linkSignature(secret, purpose, fields));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
};
