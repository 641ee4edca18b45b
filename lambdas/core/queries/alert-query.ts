import type { AlertEvent } from '../alerts/alert-event.ts';
import type { AlertEventStore, AlertQuery } from '../ports.ts';
import { findState } from './state-directory.ts';

/** `GET /alerts`: stored alert events, oldest first, by state and/or type, from a time on. */
export const listAlerts = async (
  query: Omit<AlertQuery, 'state'> & { readonly state?: string },
  alertEvents: AlertEventStore,
): Promise<{ readonly count: number; readonly alerts: readonly AlertEvent[]; readonly next?: string }> => {
  const state = query.state === undefined ? undefined : findState(query.state, 'state').alpha2;
  const page = await alertEvents.list({ ...query, state });
  return { count: page.events.length, alerts: page.events, ...(page.next === undefined ? {} : { next: page.next }) };
};
