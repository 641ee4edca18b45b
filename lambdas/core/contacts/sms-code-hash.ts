import { linkSignature } from './signed-link.ts';

/** Keeps these hashes apart from the links signed with the same secret. */
const PURPOSE = 'sanctions-watch sms code v1';

/**
 * How an SMS code is kept: an HMAC under the stack's secret, of the number and the code. A
 * plain hash of six digits is undone by trying a million; without the secret, a copy of the
 * table tells nothing.
 */
export const smsCodeHash = (secret: string, contact: string, code: string): string =>
  linkSignature(secret, PURPOSE, [contact, code]);
