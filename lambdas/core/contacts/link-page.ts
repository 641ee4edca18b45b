import { escapeHtml } from '../board/escape-html.ts';
import { htmlDocumentHead } from '../board/html-document-head.ts';

/** The small page a mailed link opens: no scripts, no styles, kept out of search engines. */
export const page = (title: string, body: string): string =>
  [
    ...htmlDocumentHead(title, '<meta name="robots" content="noindex">'),
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body>`,
    '</html>',
  ].join('\n');

/** The address a contact id names, for the page: `email:ana@example.org` → `ana@example.org`. */
export const addressOf = (contactId: string): string => contactId.replace(/^(email|sms):/, '');
