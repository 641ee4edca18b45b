import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FetchFunction } from '../lambdas/adapters/sources/https-fetcher.ts';
import type { SourceFeed } from '../lambdas/core/sources/stored-proposal.ts';

/** How a feed misbehaves, for the tests of a feed that fails: a 503 every time, no answer at all, a body no parser reads. */
export type FeedFault = 'unavailable' | 'timeout' | 'malformed';

/** The made-up host the feed URLs name locally: the fetcher only fetches https, so `fetch` sends it to this server. */
const LOCAL_FEED_HOST = 'https://feeds.local';

export interface SourceFeedServer {
  /** The feed URLs as the source job is configured with them in AWS (SOURCE_FEED_ENV). */
  readonly urls: { readonly dailyIssuanceUrl: string; readonly digitalLibraryUrl: string };
  /** The fetcher's `fetch`, sending the feed URLs to this server over plain HTTP. */
  readonly fetch: FetchFunction;
  /** The paths asked for, in order. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/**
 * The UN's two feeds, locally, from recorded files (test/fixtures/sources/): the daily issuance
 * list replayed as any day's list (every document then keeps the day it was first read), and the
 * Digital Library's MARCXML page as records 1 onwards, an empty page after them.
 */
export const startSourceFeedServer = async (options: {
  readonly directory: string;
  readonly faults?: Partial<Record<SourceFeed, FeedFault>>;
}): Promise<SourceFeedServer> => {
  const file = (name: string) => readFileSync(join(options.directory, name), 'utf8');
  const requests: string[] = [];
  const recorded = {
    'daily-issuance': {
      body: file('daily-issuance.json'),
      malformed: file('daily-issuance-malformed.json'),
      type: 'application/json',
    },
    'digital-library': {
      body: file('digital-library.xml'),
      malformed: file('digital-library-malformed.xml'),
      type: 'application/xml',
    },
  } as const;
  const reply = (response: ServerResponse, feed: SourceFeed, body: string) => {
    const fault = options.faults?.[feed];
    if (fault === 'timeout') return; // never answers: the fetcher's timeout ends it
    if (fault === 'unavailable') return response.writeHead(503).end('Service Unavailable');
    response
      .writeHead(200, { 'content-type': recorded[feed].type })
      .end(fault === 'malformed' ? recorded[feed].malformed : body);
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(`${url.pathname}${url.search}`);
    if (/^\/daily-issuance\/\d{4}-\d{2}-\d{2}\.json$/.test(url.pathname)) {
      return reply(response, 'daily-issuance', recorded['daily-issuance'].body);
    }
    if (url.pathname === '/digital-library/search') {
      const first = url.searchParams.get('jrec') === '1';
      return reply(
        response,
        'digital-library',
        first ? recorded['digital-library'].body : '<collection xmlns="http://www.loc.gov/MARC21/slim"></collection>',
      );
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urls: {
      dailyIssuanceUrl: `${LOCAL_FEED_HOST}/daily-issuance/{date}.json`,
      digitalLibraryUrl: `${LOCAL_FEED_HOST}/digital-library/search?p=191__a%3AS%2FAC.49*&so=a`,
    },
    fetch: (url, init) => fetch(url.replace(LOCAL_FEED_HOST, origin), init),
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};
