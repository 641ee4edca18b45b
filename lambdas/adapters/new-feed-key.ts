import { randomBytes } from 'node:crypto';

/** A watch's feed key: 256 bits from a cryptographic source, base64url (43 characters), safe in a URL as it is. */
export const newFeedKey = (): string => randomBytes(32).toString('base64url');
