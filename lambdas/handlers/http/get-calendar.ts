import * as aws from '../../aws-dependencies.ts';
import { calendarQuery } from '../../core/api/route-queries.ts';
import { deadlineCalendar } from '../../core/feeds/deadline-calendar.ts';
import {
  CALENDAR_CONTENT_TYPE,
  CALENDAR_REFRESH_SECONDS,
  deadlineCalendarIcs,
} from '../../core/feeds/deadline-calendar-ics.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { StandingDependencies } from '../../core/status/standing-data.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, okText } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** GET /calendar.ics[?group=][&state=][&obligation=][&committee=] — the deadlines as an iCalendar feed: who still owes each, alarms a week and a day before. */
export const handlerFor = (deps: StandingDependencies & { readonly clock: Clock }) =>
  httpHandler(async (event) => {
    const query = queryParameters(event, calendarQuery());
    const calendar = await deadlineCalendar(query, deps);
    return okText(deadlineCalendarIcs(calendar), CALENDAR_CONTENT_TYPE, {
      'cache-control': `public, max-age=${CALENDAR_REFRESH_SECONDS}`,
    });
  });

export const handler = lazyHandler(() => handlerFor(aws.standing()));
