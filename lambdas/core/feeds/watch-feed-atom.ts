import { Feed } from 'feed';
import { escapeHtml } from '../board/escape-html.ts';
import type { WatchFeed } from './watch-feed.ts';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/** The feed as Atom 1.0 (RFC 4287). The library marks titles and content as HTML, so the plain text is escaped for it. */
export const watchFeedAtom = (feed: WatchFeed): string => {
  const atom = new Feed({
    id: feed.id,
    title: feed.title,
    updated: new Date(feed.updated),
    feedLinks: { atom: feed.selfUrl },
    author: { name: 'sanctions-watch' },
    generator: 'sanctions-watch',
  });
  for (const entry of feed.entries) {
    atom.addItem({
      id: entry.id,
      title: escapeHtml(entry.title),
      link: entry.link,
      date: new Date(entry.updated),
      published: new Date(entry.updated),
      content: entry.lines.map(escapeHtml).join('<br/>\n'),
    });
  }
  return atom.atom1();
};
