/**
 * A wave is what one message per contact covers: every event of one deadline-check run, or every
 * change detected within one grouping window. Its id is derived, never random, so a retried run
 * or a redelivered record lands in the wave it belongs to, and the id says where it came from.
 */

/** The changes detected within this many seconds of each other go out together. */
export const CHANGE_WAVE_SECONDS = 60;

/** The wave of a deadline-check run: the run's "now". */
export const checkWaveId = (runAt: Date): string => `check:${runAt.toISOString()}`;

/** The wave of a change detected at `detectedAt`: the start of its grouping window. */
export const changeWaveId = (detectedAt: Date): string => {
  const windowMs = CHANGE_WAVE_SECONDS * 1000;
  return `changes:${new Date(Math.floor(detectedAt.getTime() / windowMs) * windowMs).toISOString()}`;
};
