import { escapeHtml } from '../board/escape-html.ts';
import type { ConfirmationLink } from './confirmation-link.ts';
import { addressOf, page } from './link-page.ts';

/**
 * What opening a confirmation link shows: a question and a button, never the confirmation
 * itself, because mail scanners open links. The button posts to the same signed link.
 */
export const confirmationQuestionPage = (link: ConfirmationLink, signature: string): string => {
  const query = new URLSearchParams({ c: link.contact, o: link.owner, x: link.confirmBy, s: signature });
  return page(
    'Confirm sanctions-watch alerts',
    [
      `<p>Send sanctions-watch alerts about UN sanctions reporting deadlines to <strong>${escapeHtml(addressOf(link.contact))}</strong>?</p>`,
      `<form method="post" action="${escapeHtml(`?${query.toString()}`)}">`,
      '<button type="submit">Confirm</button>',
      '</form>',
      '<p>If you did not ask for these alerts, close this page: nothing will be sent.</p>',
    ].join('\n'),
  );
};

/** What the confirmation answers. */
export const confirmedPage = (contactId: string): string =>
  page(
    'Confirmed',
    `<p>sanctions-watch alerts will reach <strong>${escapeHtml(addressOf(contactId))}</strong>. Every message has a link to stop them.</p>`,
  );
