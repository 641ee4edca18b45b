import type {
  ProposalClaim,
  ProposalDecision,
  ProposalStatus,
  SourceFeed,
  StoredProposal,
  StoredSourceDocument,
} from '../sources/stored-proposal.ts';

/** Where the source job keeps its place in a feed: a day (the daily list) or a record number (the Digital Library). */
export type FeedPosition = string | number;

/**
 * The documents the feeds announced, each stored once per symbol, the proposals among them, and
 * each feed's watermark.
 */
export interface SourceStore {
  /**
   * Stores the document unless its symbol was stored before (`exists`: nothing is written). An
   * amendment is also listed on its original, whether or not the original has been found yet.
   */
  store(
    document: Omit<StoredSourceDocument, 'id' | 'status' | 'amendments' | 'decision'>,
  ): Promise<'stored' | 'exists'>;
  getProposal(id: string): Promise<StoredProposal | undefined>;
  /** Oldest found first; `after` is the `next` of the previous page. */
  listProposals(query: {
    readonly status: ProposalStatus;
    readonly limit: number;
    readonly after?: string;
  }): Promise<{ readonly proposals: StoredProposal[]; readonly next?: string }>;
  /**
   * Holds a pending proposal for `by` for `seconds` from `now`. A `conflict` if it was decided, or
   * another hold on it has not run out (`proposal-being-reviewed`); one that has is replaced.
   */
  claim(id: string, by: string, now: Date, seconds: number): Promise<ProposalClaim>;
  /** Lets go of a hold nothing was decided under; nothing happens if it is no longer held (it ran out and was taken). */
  release(id: string, claim: ProposalClaim): Promise<void>;
  /**
   * Moves a pending proposal to `accepted`, under the caller's own hold (which it ends), or to
   * `rejected`, unless someone holds it as of `now`. A `conflict` if it was decided meanwhile, or
   * the hold is someone else's.
   */
  decide(id: string, status: 'accepted', decision: ProposalDecision, claim: ProposalClaim): Promise<void>;
  decide(id: string, status: 'rejected', decision: ProposalDecision, now: Date): Promise<void>;
  watermark(feed: SourceFeed): Promise<FeedPosition | undefined>;
  /** Moves the feed's watermark forward (never back: a slower concurrent run cannot undo a faster one). */
  advanceWatermark(feed: SourceFeed, position: FeedPosition): Promise<void>;
}
