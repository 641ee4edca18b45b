import type { AlertEventStore, AlertQuery } from '../ports/stores.ts';
import { findFigureSubject } from '../status/state-directory.ts';
import { type AlertEvent, publicAlertEventTypes } from './alert-event.ts';

/** `GET /alerts`: stored alert events, oldest first, by state (or `world`, for worldwide figures) and/or type, from a time on. */
export const listAlerts = async (
  query: Omit<AlertQuery, 'state' | 'types'> & { readonly state?: string },
  alertEvents: AlertEventStore,
): Promise<{ readonly count: number; readonly alerts: readonly AlertEvent[]; readonly next?: string }> => {
  const state = query.state === undefined ? undefined : findFigureSubject(query.state, 'state');
  // The public list: a proposal is an unreviewed guess, for admins' watches only.
  const page = await alertEvents.list({ ...query, state, types: publicAlertEventTypes });
  return { count: page.events.length, alerts: page.events, ...(page.next === undefined ? {} : { next: page.next }) };
};
