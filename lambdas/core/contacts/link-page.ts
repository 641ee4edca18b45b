import { escapeHtml } from '../board/escape-html.ts';

/** The small page a mailed link opens: no scripts, no styles, kept out of search engines. */
export const page = (title: string, body: string): string =>
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
export const addressOf = (contactId: string): string => contactId.replace(/^(email|sms):/, '');
