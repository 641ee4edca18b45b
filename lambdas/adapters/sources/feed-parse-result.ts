import type { SourceDocument } from '../../core/sources/source-document.ts';

export type FeedName = 'daily-issuance' | 'digital-library';

/** One record (or the whole body) a feed parser could not read; the other records still count. */
export interface FeedRecordError {
  readonly feed: FeedName;
  /** The record's 0-based index in the body, or `body` when the body itself could not be read. */
  readonly position: number | 'body';
  readonly message: string;
}

export interface FeedParseResult {
  readonly documents: readonly SourceDocument[];
  readonly errors: readonly FeedRecordError[];
}

/** "daily-issuance record 3: title: required" — what a log line or a reviewer reads. */
export const describeFeedError = (error: FeedRecordError): string =>
  `${error.feed} ${error.position === 'body' ? 'body' : `record ${error.position}`}: ${error.message}`;
