import { createHash } from 'node:crypto';

const PREFIX = 'public:';

/**
 * The owner of an address's own sign-up (the board's form): no account, so an id derived from the
 * address, `public:<hash>`. Consent per (owner, address) then works as for any owner, and the
 * hash keeps the address out of the owner id, which the consent's key and the watch hold.
 */
export const publicOwnerOf = (contact: string): string =>
  `${PREFIX}${createHash('sha256').update(`sanctions-watch sign-up\n${contact}`, 'utf8').digest('base64url').slice(0, 32)}`;

/** Whether the owner is an address's own sign-up, not an API account. */
export const isPublicOwner = (owner: string): boolean => owner.startsWith(PREFIX);
