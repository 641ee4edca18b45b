/** What the fetcher needs of `fetch`, so tests can pass their own. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export interface FeedFetcherOptions {
  readonly fetch?: FetchFunction;
  /** Per attempt. */
  readonly timeoutMs?: number;
  /** Attempts after the first, on a network error, a timeout, a 429 or a 5xx. */
  readonly retries?: number;
  /** The first retry waits about this long, each next one twice as long; jitter spreads them. */
  readonly baseDelayMs?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly userAgent?: string;
}

/** Says who polls, so the UN's operators can tell this service's requests apart. */
export const DEFAULT_USER_AGENT =
  'sanctions-watch/0.1 (UN sanctions reporting tracker; polls document feeds hourly at most)';

export class FeedFetchError extends Error {
  readonly url: string;
  readonly attempts: number;

  constructor(url: string, attempts: number, reason: string) {
    super(`${url}: ${reason} (after ${attempts} attempt${attempts === 1 ? '' : 's'})`);
    this.name = 'FeedFetchError';
    this.url = url;
    this.attempts = attempts;
  }
}

const retryable = (status: number): boolean => status === 429 || status >= 500;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GETs a feed's body as text over HTTPS. A failure the server may recover from is retried with
 * exponential backoff and full jitter (so many pollers never retry in step); any other 4xx fails
 * at once, since asking again would not change the answer.
 */
export const fetchFeedText = async (url: string, options: FeedFetcherOptions = {}): Promise<string> => {
  if (!url.startsWith('https://')) throw new FeedFetchError(url, 0, 'only https URLs are fetched');
  const fetchImpl = options.fetch ?? fetch;
  const retries = options.retries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? pause;
  let reason = '';
  for (let attempt = 1; attempt <= retries + 1; attempt += 1) {
    if (attempt > 1) await sleep(Math.round(random() * baseDelayMs * 2 ** (attempt - 2)));
    try {
      const response = await fetchImpl(url, {
        headers: { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT, accept: 'application/json, application/xml' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      if (response.ok) return await response.text();
      reason = `HTTP ${response.status}`;
      if (!retryable(response.status)) throw new FeedFetchError(url, attempt, reason);
    } catch (error) {
      if (error instanceof FeedFetchError) throw error;
      reason =
        error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : `request failed: ${String(error)}`;
    }
  }
  throw new FeedFetchError(url, retries + 1, reason);
};
