import ical, { ICalAlarmType } from 'ical-generator';
import { plural } from '../messages/format.ts';
import { addDays, type IsoDate } from '../time/calendar-date.ts';
import { CALENDAR_ALARM_DAYS, type DeadlineCalendar } from './deadline-calendar.ts';

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

const SECONDS_PER_DAY = 86_400;

/** A calendar day as ical-generator takes it: midnight UTC, written as a DATE value for all-day events. */
const utcMidnight = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);

/**
 * How long a calendar app or cache may keep the calendar before asking again, in seconds: the
 * file's REFRESH-INTERVAL and the response's `Cache-Control: max-age` alike. Who still owes a
 * deadline changes only when a report is recorded.
 */
export const CALENDAR_REFRESH_SECONDS = 15 * 60;

/**
 * The calendar as RFC 5545 text: an all-day VEVENT per deadline, with display alarms 7 days and 1
 * day before. Every line, the last included, ends with CRLF (RFC 5545 §3.1).
 */
export const deadlineCalendarIcs = (calendar: DeadlineCalendar): string =>
  `${ical({
    name: calendar.name,
    prodId: { company: 'sanctions-watch', product: 'deadlines', language: 'EN' },
    // REFRESH-INTERVAL and X-PUBLISHED-TTL.
    ttl: CALENDAR_REFRESH_SECONDS,
    events: calendar.events.map((event) => ({
      id: event.uid,
      stamp: calendar.changedAt,
      start: utcMidnight(event.dueDate),
      // An all-day event ends (exclusively) the next day.
      end: utcMidnight(addDays(event.dueDate, 1)),
      allDay: true,
      summary: event.summary,
      description: event.description,
      alarms: CALENDAR_ALARM_DAYS.map((days) => ({
        type: ICalAlarmType.display,
        triggerBefore: days * SECONDS_PER_DAY,
        description: `${event.summary}, in ${plural(days, 'day')}`,
      })),
    })),
  }).toString()}\r\n`;
