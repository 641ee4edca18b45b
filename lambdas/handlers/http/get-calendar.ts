import * as z from 'zod/mini';
import { deadlineCalendar } from '../../core/feeds/deadline-calendar.ts';
import { CALENDAR_CONTENT_TYPE, deadlineCalendarIcs } from '../../core/feeds/deadline-calendar-ics.ts';
import { standingDependencies } from '../standing-dependencies.ts';
import { httpHandler, okText } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

const dependencies = standingDependencies();

/** Calendar apps poll subscriptions every few hours at most; who still owes a deadline changes only when a report is recorded. */
const CACHE_CONTROL = 'public, max-age=900';

/** GET /calendar.ics[?group=][&state=][&obligation=] — the deadlines as an iCalendar feed: who still owes each, alarms a week and a day before. */
export const handler = httpHandler(async (event) => {
  const query = queryParameters(event, {
    group: z.optional(z.string()),
    state: z.optional(z.string()),
    obligation: z.optional(z.string()),
  });
  const calendar = await deadlineCalendar(query, dependencies);
  return okText(deadlineCalendarIcs(calendar), CALENDAR_CONTENT_TYPE, { 'cache-control': CACHE_CONTROL });
});
