import { mapWithConcurrency } from '../map-with-concurrency.ts';
import type { ServiceMetrics } from '../ports/service-metrics.ts';
import type { AlertEventStore } from '../ports/stores.ts';
import type { AlertEvent, WavedAlertEvent } from './alert-event.ts';

/** Conditional puts in flight at once; the first check after a deadline stores one event per state. */
const PUT_CONCURRENCY = 25;

/** Where new events go, and what counts them. */
export interface NewAlertEventSink {
  readonly alertEvents: AlertEventStore;
  readonly serviceMetrics: ServiceMetrics;
}

/**
 * Stores each event in the wave, as stored at `storedAt`, unless its dedup key was stored before,
 * and returns (and counts, by type) the ones this call stored: whoever stores an event first is
 * the one that hands it on, so each is delivered once, in the wave of its first store.
 */
export const storeNewAlertEvents = async (
  events: readonly AlertEvent[],
  sink: NewAlertEventSink,
  wave: { readonly waveId: string; readonly storedAt: Date },
): Promise<WavedAlertEvent[]> => {
  const storedAt = wave.storedAt.toISOString();
  const stored = await mapWithConcurrency(events, PUT_CONCURRENCY, async (event) => {
    const waved: WavedAlertEvent = { ...event, waveId: wave.waveId, storedAt };
    return (await sink.alertEvents.putIfAbsent(waved)) ? waved : undefined;
  });
  const emitted = stored.filter((event) => event !== undefined);
  for (const event of emitted) sink.serviceMetrics.record('alertsEmitted', event.type);
  return emitted;
};
