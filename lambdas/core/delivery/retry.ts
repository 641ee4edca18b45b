import { NotifierError } from '../ports/notifier.ts';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number;
  /** The first pause; each further one doubles it. */
  readonly baseDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** SNS throttling clears within seconds; three tries over ~1.5 s, then the stream's own retries take over. */
export const DEFAULT_RETRY: Omit<RetryPolicy, 'sleep'> = { attempts: 3, baseDelayMs: 500 };

/** Calls `send` again after a pause while it fails with a retryable NotifierError; any other failure, or the last, is thrown. */
export const withRetry = async <T>(send: () => Promise<T>, policy: RetryPolicy): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof NotifierError && error.retryable) || attempt >= policy.attempts) throw error;
      await policy.sleep(policy.baseDelayMs * 2 ** (attempt - 1));
    }
  }
};
