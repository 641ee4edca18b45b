import type { AlertEvent } from '../alerts/alert-event.ts';

/**
 * Publishes stored alert events to the machine feed (the AlertEvents SNS topic in AWS), one
 * message each (see alerts/alert-event-message.ts). What it could not publish, for whatever
 * reason, it names in `failedIds` rather than throwing, so the caller retries those alone.
 */
export interface AlertEventPublisher {
  publish(events: readonly AlertEvent[]): Promise<{ failedIds: string[] }>;
}
