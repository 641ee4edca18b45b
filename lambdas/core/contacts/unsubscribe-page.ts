import { escapeHtml } from '../board/escape-html.ts';
import { addressOf, page } from './link-page.ts';

/**
 * What opening the link shows: a question and a button, never the unsubscribe itself, because mail
 * scanners open links. The button posts what a one-click mail client posts (RFC 8058) to the same
 * signed link: a query-only action keeps the page's own path, wherever the API is served.
 */
export const unsubscribeQuestionPage = (contactId: string, signature: string): string =>
  page(
    'Unsubscribe from sanctions-watch',
    [
      `<p>Stop every sanctions-watch alert to <strong>${escapeHtml(addressOf(contactId))}</strong>?</p>`,
      `<form method="post" action="${escapeHtml(`?c=${encodeURIComponent(contactId)}&s=${encodeURIComponent(signature)}`)}">`,
      '<input type="hidden" name="List-Unsubscribe" value="One-Click">',
      '<button type="submit">Unsubscribe</button>',
      '</form>',
      '<p>Every watch that sends to this address is deleted, whoever made it, and the address is erased: nothing is sent to it again.</p>',
    ].join('\n'),
  );

/** What the unsubscribe answers, to a mail client or to the button above. */
export const unsubscribedPage = (contactId: string): string =>
  page(
    'Unsubscribed',
    [
      `<p>sanctions-watch sends nothing more to <strong>${escapeHtml(addressOf(contactId))}</strong>.</p>`,
      '<p>The address and every watch that sent to it are erased.</p>',
    ].join('\n'),
  );
