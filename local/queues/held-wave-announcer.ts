import type { WaveAnnouncer } from '../../lambdas/core/ports/delivery-pipeline.ts';

export interface HeldWaveAnnouncer extends WaveAnnouncer {
  /** Announces every wave held so far, once each. */
  release(): Promise<void>;
}

/**
 * For a replay, which knows when a day's writes are done: waves are held until it says so
 * instead of waiting out the grouping window, so a day's events form one wave however long
 * DynamoDB Local takes to store them.
 */
export const heldWaveAnnouncer = (inner: WaveAnnouncer): HeldWaveAnnouncer => {
  const held = new Set<string>();
  return {
    announce: async (waveIds) => {
      for (const waveId of waveIds) held.add(waveId);
    },
    release: async () => {
      const waveIds = [...held];
      held.clear();
      await inner.announce(waveIds);
    },
  };
};
