import { escapeHtml } from '../board/escape-html.ts';
import { addressOf, page } from './link-page.ts';

/**
 * What opening the link shows: a question and a button, never the unsubscribe itself, because mail
 * scanners open links. The button posts what a one-click mail client posts (RFC 8058) to the same
 * signed link: a query-only action keeps the page's own path, wherever the API is served.
 */
/** A form that posts one field to the same signed link: a query-only action keeps the page's own path. */
const linkForm = (contactId: string, signature: string, field: string, value: string, button: string): string =>
  [
    `<form method="post" action="${escapeHtml(`?c=${encodeURIComponent(contactId)}&s=${encodeURIComponent(signature)}`)}">`,
    `<input type="hidden" name="${field}" value="${value}">`,
    `<button type="submit">${button}</button>`,
    '</form>',
  ].join('\n');

/** The form field that lets requests reach an unsubscribed address again (see allowRequestsAgain). */
export const ALLOW_REQUESTS_FIELD = 'Allow-Requests';

export const unsubscribeQuestionPage = (contactId: string, signature: string): string =>
  page(
    'Unsubscribe from sanctions-watch',
    [
      `<p>Stop every sanctions-watch alert to <strong>${escapeHtml(addressOf(contactId))}</strong>?</p>`,
      linkForm(contactId, signature, 'List-Unsubscribe', 'One-Click', 'Unsubscribe'),
      '<p>Every watch that sends to this address is deleted, whoever made it, and the address is erased: nothing is sent to it again.</p>',
    ].join('\n'),
  );

/**
 * What the unsubscribe answers, to a mail client or to the button above; given the link's
 * signature, with a way back for the address alone (a sign-up on the board is the other way back).
 */
export const unsubscribedPage = (contactId: string, signature?: string): string =>
  page(
    'Unsubscribed',
    [
      `<p>sanctions-watch sends nothing more to <strong>${escapeHtml(addressOf(contactId))}</strong>.</p>`,
      '<p>The address and every watch that sent to it are erased.</p>',
      ...(signature === undefined
        ? []
        : [
            '<p>Nobody can ask it to subscribe again, until you allow it here:</p>',
            linkForm(
              contactId,
              signature,
              ALLOW_REQUESTS_FIELD,
              'Yes',
              'Let subscription requests reach this address again',
            ),
          ]),
    ].join('\n'),
  );

/** What allowing requests again answers. */
export const requestsAllowedPage = (contactId: string): string =>
  page(
    'Requests allowed again',
    [
      `<p>Subscription requests may reach <strong>${escapeHtml(addressOf(contactId))}</strong> again.</p>`,
      '<p>Nothing is subscribed: each watch waits until this address confirms it.</p>',
    ].join('\n'),
  );
