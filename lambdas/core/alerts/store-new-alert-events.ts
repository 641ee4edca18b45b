import type { ServiceMetrics } from '../ports/service-metrics.ts';
import type { AlertEventStore } from '../ports/stores.ts';
import type { AlertEvent, WavedAlertEvent } from './alert-event.ts';

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
  // The first check after a deadline stores one event per state: written together, not one by one.
  const emitted = await sink.alertEvents.putManyIfAbsent(
    events.map((event): WavedAlertEvent => ({ ...event, waveId: wave.waveId, storedAt })),
  );
  for (const event of emitted) sink.serviceMetrics.record('alertsEmitted', event.type);
  return emitted;
};
