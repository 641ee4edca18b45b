import { isLinkSignature, linkSignature } from '../contacts/signed-link.ts';
import { forbidden } from '../errors.ts';

/** Keeps these signatures apart from the confirmation and unsubscribe links signed with the same secret. */
const PURPOSE = 'sanctions-watch manage v1';

/** `<base64url of the contact id>.<signature>`: the contact and the proof the service wrote it. */
const TOKEN = /^([A-Za-z0-9_-]{1,500})\.([A-Za-z0-9_-]{43})$/;

/** The token of a subscriber's manage link: it lets whoever holds a message manage its address's sign-up, and nothing else. */
export const manageToken = (secret: string, contactId: string): string =>
  `${Buffer.from(contactId, 'utf8').toString('base64url')}.${linkSignature(secret, PURPOSE, [contactId])}`;

/** The contact a token names, if the service signed it; anything else is refused. */
export const contactOfManageToken = (secret: string, token: string): string => {
  const match = TOKEN.exec(token);
  const contactId = match?.[1] === undefined ? '' : Buffer.from(match[1], 'base64url').toString('utf8');
  if (!match?.[2] || !isLinkSignature(secret, PURPOSE, [contactId], match[2]))
    throw forbidden('This manage link is not valid: use the link of a message sanctions-watch sent you');
  return contactId;
};

/** The manage page's path and query, relative to the API's root: `manage?token=…`. */
export const managePath = (secret: string, contactId: string): string =>
  `manage?token=${manageToken(secret, contactId)}`;

/** The signed manage link a subscriber's messages carry, on the API at `apiUrl` (no trailing slash). */
export const subscriberManageUrl = (apiUrl: string, secret: string, contactId: string): string =>
  `${apiUrl}/${managePath(secret, contactId)}`;
