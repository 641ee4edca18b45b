import { createHash, timingSafeEqual } from 'node:crypto';

/** How secrets (SMS codes, feed keys) are stored: SHA-256 salted with what the secret belongs to, so equal secrets of two owners do not share a hash. */
export const hashSecret = (owner: string, secret: string): string =>
  createHash('sha256').update(`${owner}\n${secret}`, 'utf8').digest('base64url');

/** Compares two hashes in constant time, so how long a refusal takes says nothing about how close a guess was. */
export const sameHash = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
