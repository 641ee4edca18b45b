import type { IsoDate } from '../time/calendar-date.ts';

/**
 * What makes a conditional duty owed by one state, as an admin records it: an inspection, a
 * seizure. The duty's deadline runs from `on`; until a trigger is recorded the state does not owe it.
 */
export interface Trigger {
  /** Alpha-2 code. */
  readonly state: string;
  readonly obligationId: string;
  /** The day the event happened. */
  readonly on: IsoDate;
  readonly note?: string;
  /** When it was recorded here (ISO-8601 instant). */
  readonly recordedAt: string;
}
