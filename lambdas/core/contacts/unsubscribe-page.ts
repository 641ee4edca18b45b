import { escapeHtml } from '../board/escape-html.ts';

const page = (title: string, body: string): string =>
  [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body>`,
    '</html>',
  ].join('\n');

/** The address a contact id names, for the page: `email:ana@example.org` → `ana@example.org`. */
const addressOf = (contactId: string): string => contactId.replace(/^(email|sms):/, '');

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
      '<p>Every watch that sends to this address stops. Its owner can ask for a new confirmation later.</p>',
    ].join('\n'),
  );

/** What the unsubscribe answers, to a mail client or to the button above. */
export const unsubscribedPage = (contactId: string): string =>
  page(
    'Unsubscribed',
    `<p>sanctions-watch sends nothing more to <strong>${escapeHtml(addressOf(contactId))}</strong>.</p>`,
  );
