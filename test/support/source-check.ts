import { join } from 'node:path';
import type { FeedFetcherOptions } from '../../lambdas/adapters/sources/https-fetcher.ts';
import { sourceCheckSettings, sourceFeedReaders } from '../../lambdas/adapters/sources/source-settings.ts';
import { type FeedFault, type SourceFeedServer, startSourceFeedServer } from '../../local/source-feed-server.ts';

export const SOURCE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'sources');

/** No waiting between retries and a short timeout: a feed that fails does so in well under a second. */
export const fastFetcher = (server: SourceFeedServer): FeedFetcherOptions => ({
  fetch: server.fetch,
  retries: 1,
  timeoutMs: 300,
  sleep: async () => {},
});

/** The recorded feeds on a local server, and what the source job needs to read them. */
export const fixtureFeeds = async (
  options: {
    readonly faults?: Partial<Record<'daily-issuance' | 'digital-library', FeedFault>>;
    readonly autoAccept?: boolean;
  } = {},
) => {
  const server = await startSourceFeedServer({
    directory: SOURCE_FIXTURES,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  return {
    server,
    feeds: sourceFeedReaders(server.urls, fastFetcher(server)),
    settings: sourceCheckSettings(options.autoAccept ?? false),
  };
};
