import type { SourceDocument } from '../sources/source-document.ts';
import type { SourceFeed } from '../sources/stored-proposal.ts';
import type { IsoDate } from '../time/calendar-date.ts';
import type { FeedPosition } from './source-store.ts';

/** What one read of a feed found: its documents, the records it could not read, and where the next read starts. */
export interface FeedPage {
  readonly documents: readonly SourceDocument[];
  /** Records that could not be read, each with where it sits ("2024-09-11 record 9"); the others still count. */
  readonly recordErrors: readonly { readonly position: string; readonly message: string }[];
  /** The watermark once this page is stored. */
  readonly next: FeedPosition;
  /** Whether reading on from `next` in the same run can find more. */
  readonly more: boolean;
}

/** A body the feed sent that could not be read at all: the feed stops there, its watermark unmoved. */
export class MalformedFeedBody extends Error {
  readonly position: string;

  constructor(position: string, message: string) {
    super(`${position}: ${message}`);
    this.name = 'MalformedFeedBody';
    this.position = position;
  }
}

/** One of the UN's feeds, read a page at a time from a watermark. A feed that cannot be reached throws. */
export interface SourceFeedReader {
  readonly feed: SourceFeed;
  /** Where a feed read for the first time starts. */
  start(today: IsoDate): FeedPosition;
  read(position: FeedPosition, today: IsoDate): Promise<FeedPage>;
}
