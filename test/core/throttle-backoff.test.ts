import { describe, expect, it } from 'vitest';
import { deliveryQueues, THROTTLE_BACKOFF } from '../../lambdas/contracts/delivery-queues.ts';
import { backoffCeilingSeconds, backoffSeconds } from '../../lambdas/core/delivery/throttle-backoff.ts';

const policy = { baseSeconds: 2, maxSeconds: 60 };

describe('the throttling backoff', () => {
  it('doubles its longest wait with each receive from 2 s, and never waits more than 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10, 1000].map((count) => backoffCeilingSeconds(count, policy))).toEqual([
      2, 4, 8, 16, 32, 60, 60, 60, 60,
    ]);
  });

  it('draws a whole number of seconds from nothing up to the ceiling, both included (full jitter)', () => {
    expect(backoffSeconds(3, policy, () => 0)).toBe(0);
    expect(backoffSeconds(3, policy, () => 0.5)).toBe(4);
    expect(backoffSeconds(3, policy, () => 0.999_999)).toBe(8);
    expect(backoffSeconds(9, policy, () => 0.999_999)).toBe(60);
  });

  it('keeps the senders’ cap well under their visibility timeout, which it replaces', () => {
    for (const channel of ['email', 'sms'] as const)
      expect(THROTTLE_BACKOFF.maxSeconds).toBeLessThanOrEqual(deliveryQueues[channel].visibilityTimeoutSeconds / 3);
  });
});
