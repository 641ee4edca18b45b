import { SOURCE_FEED_ENV } from '../../contracts/environment.ts';
import type { SourceFeedReader } from '../../core/ports/source-feed.ts';
import type { SourceCheckSettings } from '../../core/sources/run-source-check.ts';
import { dailyIssuanceReader, digitalLibraryReader } from './feed-readers.ts';
import type { FeedFetcherOptions } from './https-fetcher.ts';

/** A note's date and a due date this far apart can still be the report on it (a late report, an early one). */
export const DEFAULT_WINDOW_DAYS = 60;

/** 31 days of the daily list, or 6,200 Digital Library records, per feed and run: a month behind catches up in one. */
export const DEFAULT_MAX_PAGES = 31;

export const sourceCheckSettings = (autoAccept: boolean): SourceCheckSettings => ({
  autoAccept,
  windowDays: DEFAULT_WINDOW_DAYS,
  maxPagesPerFeed: DEFAULT_MAX_PAGES,
});

/** The feeds with a URL, read through the https fetcher. */
export const sourceFeedReaders = (
  urls: { readonly dailyIssuanceUrl?: string | undefined; readonly digitalLibraryUrl?: string | undefined },
  fetcher: FeedFetcherOptions = {},
): SourceFeedReader[] => [
  ...(urls.dailyIssuanceUrl ? [dailyIssuanceReader(urls.dailyIssuanceUrl, fetcher)] : []),
  ...(urls.digitalLibraryUrl ? [digitalLibraryReader(urls.digitalLibraryUrl, fetcher)] : []),
];

const optionalEnv = (name: string): string | undefined => {
  const value = process.env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** The feeds and the switch as the stack sets them; a URL that is not https fails the first invocation. */
export const sourceSettingsFromEnv = (): {
  readonly feeds: SourceFeedReader[];
  readonly settings: SourceCheckSettings;
} => {
  const urls = {
    dailyIssuanceUrl: optionalEnv(SOURCE_FEED_ENV.dailyIssuanceUrl),
    digitalLibraryUrl: optionalEnv(SOURCE_FEED_ENV.digitalLibraryUrl),
  };
  for (const [name, url] of Object.entries(urls)) {
    if (url !== undefined && !url.startsWith('https://'))
      throw new Error(
        `Configuration error: the ${name} of the source job must be an https URL, got ${JSON.stringify(url)}`,
      );
  }
  return {
    feeds: sourceFeedReaders(urls),
    settings: sourceCheckSettings(optionalEnv(SOURCE_FEED_ENV.autoAccept) === 'true'),
  };
};
