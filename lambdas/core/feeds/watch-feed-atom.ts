import { escapeHtml } from '../board/escape-html.ts';
import type { WatchFeed } from './watch-feed.ts';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/** Text for XML character data and attribute values (the escapes XML defines). */
const xml = (text: string): string => escapeHtml(text);

/** A `type="html"` text construct: the HTML, escaped once more for the XML around it (RFC 4287, 3.1.1.2). */
const htmlText = (tag: string, html: string): string => `<${tag} type="html">${xml(html)}</${tag}>`;

/**
 * The feed as Atom 1.0 (RFC 4287), written here rather than by a feed library: the library and
 * its XML dependencies were 43 KB of every feed function's bundle, compiled at each cold start.
 * The feed title is plain text; entry titles and content are given to readers as HTML (line breaks).
 */
export const watchFeedAtom = (feed: WatchFeed): string =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(feed.id)}</id>`,
    `  <title>${xml(feed.title)}</title>`,
    `  <updated>${xml(feed.updated)}</updated>`,
    '  <generator>sanctions-watch</generator>',
    '  <author><name>sanctions-watch</name></author>',
    `  <link rel="self" href="${xml(feed.selfUrl)}"/>`,
    ...Object.entries(feed.pages ?? {}).map(([rel, href]) => `  <link rel="${rel}" href="${xml(href)}"/>`),
    ...feed.entries.flatMap((entry) => [
      '  <entry>',
      `    <id>${xml(entry.id)}</id>`,
      `    ${htmlText('title', escapeHtml(entry.title))}`,
      `    <link href="${xml(entry.link)}"/>`,
      `    <updated>${xml(entry.updated)}</updated>`,
      `    <published>${xml(entry.updated)}</published>`,
      `    ${htmlText('content', entry.lines.map(escapeHtml).join('<br/>\n'))}`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ].join('\n');
