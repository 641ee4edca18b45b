import { secondsToNextUtcDay } from '../budgets/send-budgets.ts';
import type { MessageVisibility } from '../ports/delivery-pipeline.ts';

/** Exponential backoff: the longest wait doubles from `baseSeconds` with each receive, up to `maxSeconds`. */
export interface BackoffPolicy {
  readonly baseSeconds: number;
  readonly maxSeconds: number;
}

/** The longest wait after a message's `receiveCount`-th receive (1 for the first): base, 2 × base, 4 × base, ... capped. */
export const backoffCeilingSeconds = (receiveCount: number, policy: BackoffPolicy): number => {
  const doublings = Math.max(0, Math.floor(receiveCount) - 1);
  // 2 ** doublings grows past any cap quickly; min() keeps the answer finite for any receive count.
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(doublings, 30));
};

/**
 * Full jitter: a whole number of seconds drawn evenly from 0 to the ceiling, both included, so
 * messages throttled together come back spread out. `random` returns a number in [0, 1), as
 * Math.random does; it is passed in so the draw can be tested.
 */
export const backoffSeconds = (receiveCount: number, policy: BackoffPolicy, random: () => number): number => {
  const ceiling = backoffCeilingSeconds(receiveCount, policy);
  return Math.min(ceiling, Math.floor(random() * (ceiling + 1)));
};

/** What a sender needs to delay a throttled job: its queue's visibility, the policy, and a source of randomness. */
export interface ThrottleBackoff {
  readonly visibility: MessageVisibility;
  readonly policy: BackoffPolicy;
  /** In [0, 1), as Math.random. */
  readonly random: () => number;
}

/**
 * Sets when a throttled message, about to be handed back, comes again: after a backoff for its
 * receive count instead of the whole visibility timeout. Returns the seconds set.
 */
export const delayThrottled = async (
  receiptHandle: string,
  receiveCount: number,
  backoff: ThrottleBackoff,
): Promise<number> => {
  const seconds = backoffSeconds(receiveCount, backoff.policy, backoff.random);
  await backoff.visibility.returnAfter(receiptHandle, seconds);
  return seconds;
};

/** SQS's longest visibility timeout (12 hours): a deferral longer than that is two waits. */
const MAX_VISIBILITY_SECONDS = 12 * 60 * 60;

/**
 * When a text deferred because the day's texts are spent comes again: at the next UTC day, or
 * in 12 hours if that is sooner, when it is simply deferred again until the day turns.
 */
export const deferredSeconds = (now: Date): number => Math.min(MAX_VISIBILITY_SECONDS, secondsToNextUtcDay(now));
