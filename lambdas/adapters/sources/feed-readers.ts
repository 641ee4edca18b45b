import { type FeedPage, MalformedFeedBody, type SourceFeedReader } from '../../core/ports/source-feed.ts';
import type { FeedPosition } from '../../core/ports/source-store.ts';
import { addDays, type IsoDate, parseIsoDate } from '../../core/time/calendar-date.ts';
import { parseDailyIssuance } from './daily-issuance-feed.ts';
import { parseDigitalLibrary } from './digital-library-feed.ts';
import type { FeedParseResult } from './feed-parse-result.ts';
import { type FeedFetcherOptions, fetchFeedText } from './https-fetcher.ts';

/** The Digital Library returns at most 200 records a request (/work/shared/SOURCES.md, feed 2). */
export const DIGITAL_LIBRARY_PAGE_SIZE = 200;

/** The records a page held, and its errors placed; a body that could not be read at all throws. */
const placed = (result: FeedParseResult, where: string, place: (index: number) => string) => {
  const bodyError = result.errors.find((error) => error.position === 'body');
  if (bodyError) throw new MalformedFeedBody(`${where} body`, bodyError.message);
  const recordErrors = result.errors.map((error) => ({
    position: place(Number(error.position)),
    message: error.message,
  }));
  return { documents: result.documents, recordErrors, records: result.documents.length + recordErrors.length };
};

/**
 * The daily issuance list, one request per day, `{date}` in the URL replaced by the day. Its
 * watermark is the next day to read; today's list is read again each run, since it grows all day.
 * A first run starts today.
 */
export const dailyIssuanceReader = (urlTemplate: string, fetcher: FeedFetcherOptions = {}): SourceFeedReader => ({
  feed: 'daily-issuance',
  start: (today) => today,
  read: async (position: FeedPosition, today: IsoDate): Promise<FeedPage> => {
    const day = typeof position === 'string' ? parseIsoDate(position) : undefined;
    if (day === undefined) throw new Error(`daily-issuance watermark ${String(position)} is not a day`);
    const body = await fetchFeedText(urlTemplate.replaceAll('{date}', day), fetcher);
    const page = placed(parseDailyIssuance(body, day), day, (index) => `${day} record ${index}`);
    const done = day < today;
    return {
      documents: page.documents,
      recordErrors: page.recordErrors,
      next: done ? addDays(day, 1) : day,
      more: done,
    };
  },
});

/**
 * The Digital Library's MARCXML search, `searchUrl` with `rg` and `jrec` set, 200 records a
 * request. Its watermark is the number (`jrec`, from 1) of the next record to read; a page short
 * of 200 is the last for now. Assumes the search lists oldest first, so new records come at the end.
 */
export const digitalLibraryReader = (searchUrl: string, fetcher: FeedFetcherOptions = {}): SourceFeedReader => ({
  feed: 'digital-library',
  start: () => 1,
  read: async (position: FeedPosition): Promise<FeedPage> => {
    const jrec = typeof position === 'number' ? position : Number.NaN;
    if (!Number.isInteger(jrec) || jrec < 1)
      throw new Error(`digital-library watermark ${String(position)} is not a record number`);
    const url = new URL(searchUrl);
    url.searchParams.set('of', 'xm');
    url.searchParams.set('rg', String(DIGITAL_LIBRARY_PAGE_SIZE));
    url.searchParams.set('jrec', String(jrec));
    const body = await fetchFeedText(url.toString(), fetcher);
    const page = placed(parseDigitalLibrary(body), `jrec ${jrec}`, (index) => `record ${jrec + index}`);
    return {
      documents: page.documents,
      recordErrors: page.recordErrors,
      next: jrec + page.records,
      more: page.records >= DIGITAL_LIBRARY_PAGE_SIZE,
    };
  },
});
