/** A watch's feed key as stored: only its hash, never the key. */
export interface StoredFeedKey {
  readonly watchId: string;
  readonly keyHash: string;
  readonly createdAt: string;
}

/** At most one key per watch: storing one replaces the one before, which stops working at once. */
export interface FeedKeyStore {
  feedKeyOf(watchId: string): Promise<StoredFeedKey | undefined>;
  /** Fails with a `not-found` DomainError when the watch is gone. */
  replaceFeedKey(key: StoredFeedKey): Promise<void>;
}
