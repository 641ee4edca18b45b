import * as z from 'zod/mini';
import { endOfUtcDay, parseIsoDate, type IsoDate } from '../time/calendar-date.ts';
import './zod-messages.ts';

/** Lowercase slug ids (obligations, groups). */
export const slugSchema = z
  .string()
  .check(z.maxLength(64), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "2397-p8-midterm"'));

export const isoDateSchema = z.pipe(
  z.string().check(z.refine((raw) => parseIsoDate(raw) !== undefined, 'must be a calendar date in the form YYYY-MM-DD')),
  z.transform((raw) => raw as IsoDate),
);

/** ISO-8601 instant with an explicit zone, e.g. 2019-03-23T06:00:00Z. */
export const isoInstantSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO-8601 instant such as 2019-03-23T06:00:00Z'),
  z.refine((raw) => !Number.isNaN(Date.parse(raw)), 'is not a real instant'),
);

/** A moment: an instant, or a date meaning the whole of that UTC day (its last millisecond), as the board reads `asOf`. */
export const momentSchema = z.pipe(
  z.union([isoInstantSchema, isoDateSchema]),
  z.transform((raw: string) => (raw.length === 10 ? endOfUtcDay(raw as IsoDate) : new Date(raw))),
);

export const text = (max: number, min = 1) => z.string().check(z.minLength(min), z.maxLength(max));

export const httpsUrlSchema = z.url({ protocol: /^https?$/ }).check(z.maxLength(2000));
