import { mapWithConcurrency } from '../map-with-concurrency.ts';
import type { AlertEventStore } from '../ports/stores.ts';
import type { AlertEvent, WavedAlertEvent } from './alert-event.ts';

/** Conditional puts in flight at once; the first check after a deadline stores one event per state. */
const PUT_CONCURRENCY = 25;

/**
 * Stores each event in the wave unless its dedup key was stored before, and returns the ones this
 * call stored: whoever stores an event first is the one that hands it on, so each is delivered
 * once, in the wave of its first store.
 */
export const storeNewAlertEvents = async (
  events: readonly AlertEvent[],
  store: AlertEventStore,
  waveId: string,
): Promise<WavedAlertEvent[]> => {
  const stored = await mapWithConcurrency(events, PUT_CONCURRENCY, async (event) => {
    const waved: WavedAlertEvent = { ...event, waveId };
    return (await store.putIfAbsent(waved)) ? waved : undefined;
  });
  return stored.filter((event) => event !== undefined);
};
