import { isLinkSignature, linkSignature } from './signed-link.ts';

/** Keeps these signatures apart from the unsubscribe links signed with the same secret. */
const PURPOSE = 'sanctions-watch confirm v1';

/** What a confirmation link carries: whose consent, for which address, until when. */
export interface ConfirmationLink {
  readonly contact: string;
  readonly owner: string;
  /** ISO-8601 instant after which the link no longer confirms. */
  readonly confirmBy: string;
}

const fieldsOf = ({ contact, owner, confirmBy }: ConfirmationLink): string[] => [contact, owner, confirmBy];

export const confirmationSignature = (secret: string, link: ConfirmationLink): string =>
  linkSignature(secret, PURPOSE, fieldsOf(link));

export const isConfirmationSignature = (secret: string, link: ConfirmationLink, signature: string): boolean =>
  isLinkSignature(secret, PURPOSE, fieldsOf(link), signature);

/**
 * The link in a confirmation mail, on the API at `apiUrl` (no trailing slash). GET shows a page
 * with a button, POST confirms: mail scanners that open every link confirm nothing.
 */
export const confirmationUrl = (apiUrl: string, secret: string, link: ConfirmationLink): string => {
  const query = new URLSearchParams({
    c: link.contact,
    o: link.owner,
    x: link.confirmBy,
    s: confirmationSignature(secret, link),
  });
  return `${apiUrl}/confirm?${query.toString()}`;
};
