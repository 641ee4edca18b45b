import type { Clock } from '../core/ports/clock.ts';

/** The wall clock, for handlers in AWS; the core only ever sees the Clock interface. */
export const systemClock: Clock = { now: () => new Date() };
