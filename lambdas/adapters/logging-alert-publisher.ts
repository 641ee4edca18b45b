import type { AlertEvent } from '../core/alerts/alert-event.ts';
import type { AlertPublisher } from '../core/ports.ts';
import { logger } from './logger.ts';

/**
 * Delivery until watches exist: each newly stored event is logged. Stored events stay queryable
 * through GET /alerts, so nothing is lost meanwhile.
 */
export const loggingAlertPublisher: AlertPublisher = {
  publish: async (events: readonly AlertEvent[]) => {
    if (events.length === 0) return;
    const byType: Record<string, number> = {};
    for (const event of events) byType[event.type] = (byType[event.type] ?? 0) + 1;
    logger.info('alert events emitted', { count: events.length, byType });
    for (const event of events) logger.debug('alert event emitted', { eventId: event.id, type: event.type, state: event.state, obligationId: event.obligationId });
  },
};
