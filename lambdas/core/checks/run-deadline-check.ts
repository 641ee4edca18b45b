import type { AlertEvent } from '../alerts/alert-event.ts';
import { type NewAlertEventSink, storeNewAlertEvents } from '../alerts/store-new-alert-events.ts';
import { checkWaveId } from '../delivery/wave-id.ts';
import type { Clock } from '../ports/clock.ts';
import type { CheckerMemoryStore } from '../ports/stores.ts';
import { memberStates } from '../reference/member-states.ts';
import { loadStandingData, type StandingDependencies } from '../status/standing-data.ts';
import { utcDateOf } from '../time/calendar-date.ts';
import { deriveDeadlineEvents } from './deadline-events.ts';

export interface DeadlineCheckDependencies extends StandingDependencies, NewAlertEventSink {
  readonly checkerMemory: CheckerMemoryStore;
  /** When the events are stored, and how long the check took: the wall clock, not `at`. */
  readonly clock: Clock;
}

export interface DeadlineCheckOutcome {
  readonly at: string;
  /** Events this run stored first; a concurrent run's share is not here. */
  readonly emitted: readonly AlertEvent[];
  /** Events this run found due that another run had stored already. */
  readonly alreadyStored: number;
  /** Set when the run was for a day before one already checked, and so announced nothing. */
  readonly skipped?: string;
}

const checkAsOf = async (at: Date, deps: DeadlineCheckDependencies): Promise<DeadlineCheckOutcome> => {
  const [data, { memory, checkedThrough }] = await Promise.all([loadStandingData(deps), deps.checkerMemory.load()]);
  const today = utcDateOf(at);
  if (checkedThrough !== undefined && today < checkedThrough) {
    return {
      at: at.toISOString(),
      emitted: [],
      alreadyStored: 0,
      skipped: `already checked through ${checkedThrough}`,
    };
  }
  const derived = deriveDeadlineEvents({ ...data, at, states: memberStates(), memory });
  const emitted = await storeNewAlertEvents(derived.events, deps, {
    waveId: checkWaveId(at),
    storedAt: deps.clock.now(),
  });
  // Remembered only once the events are stored: a crash in between makes the next run try the puts again, which the dedup keys absorb.
  await deps.checkerMemory.remember(derived.memory, checkedThrough === today ? undefined : today);
  return { at: at.toISOString(), emitted, alreadyStored: derived.events.length - emitted.length };
};

/**
 * The scheduled deadline check as of `at`: works out the deadline alerts due, stores each once
 * (the conditional put on its dedup key decides), remembers what was announced. The dispatcher
 * reads the stored events from the table's stream. Re-running the same or an earlier day emits nothing new.
 */
export const runDeadlineCheck = async (at: Date, deps: DeadlineCheckDependencies): Promise<DeadlineCheckOutcome> => {
  const started = deps.clock.now();
  const outcome = await checkAsOf(at, deps);
  deps.serviceMetrics.record('checkDuration', deps.clock.now().getTime() - started.getTime());
  return outcome;
};
