import * as z from 'zod/mini';
import { endOfUtcDay, type IsoDate, parseIsoDate } from '../time/calendar-date.ts';
import './zod-messages.ts';

/** Lowercase slug ids (obligations, groups). */
export const slugSchema = /* @__PURE__ */ z.lazy(() =>
  z
    .string()
    .check(
      z.maxLength(64),
      z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "2397-p8-midterm"'),
    ),
);

export const isoDateSchema = /* @__PURE__ */ z.lazy(() =>
  z.pipe(
    z.string().check(
      z.refine((raw) => parseIsoDate(raw) !== undefined, 'must be a calendar date in the form YYYY-MM-DD'),
      z.refine((raw) => raw >= '1900' && raw < '3000', 'must fall between the years 1900 and 2999'),
    ),
    z.transform((raw) => raw as IsoDate),
  ),
);

/** Instants the service reasons about: resolutions since 1900, deadlines before 3000 (in UTC). */
const EARLIEST = Date.parse('1900-01-01T00:00:00Z');
const LATEST = Date.parse('3000-01-01T00:00:00Z');

/** ISO-8601 instant with an explicit zone, e.g. 2019-03-23T06:00:00Z, from 1900 to 2999 in UTC. */
export const isoInstantSchema = /* @__PURE__ */ z.lazy(() =>
  z.string().check(
    z.regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
      'must be an ISO-8601 instant such as 2019-03-23T06:00:00Z',
    ),
    z.refine((raw) => !Number.isNaN(Date.parse(raw)), 'is not a real instant'),
    z.refine(
      (raw) => Date.parse(raw) >= EARLIEST && Date.parse(raw) < LATEST,
      'must fall between the years 1900 and 2999 (UTC)',
    ),
  ),
);

/** A moment: an instant, or a date meaning the whole of that UTC day (its last millisecond), as the board reads `asOf`. */
export const momentSchema = /* @__PURE__ */ z.lazy(() =>
  z.pipe(
    z.union([isoInstantSchema, isoDateSchema]),
    z.transform((raw: string) => (raw.length === 10 ? endOfUtcDay(raw as IsoDate) : new Date(raw))),
  ),
);

/**
 * A number DynamoDB stores exactly as given: at most 10^15 (the SDK refuses what passes 2^53) and,
 * unless 0, at least 10^-6 in size (DynamoDB refuses what is below 10^-130). Counts, amounts and
 * percentages all sit well inside.
 */
export const storableNumberSchema = /* @__PURE__ */ z.lazy(() =>
  z.number().check(
    z.refine((n) => Number.isFinite(n), 'must be a finite number'),
    z.refine((n) => Math.abs(n) <= 1e15, 'must be at most 10^15'),
    z.refine((n) => n === 0 || Math.abs(n) >= 1e-6, 'must be 0 or at least 0.000001'),
  ),
);

export const text = (max: number, min = 1) => z.string().check(z.minLength(min), z.maxLength(max));

/** A web address; https only: a source a reader follows must not be open to tampering on the way. */
export const httpsUrlSchema = /* @__PURE__ */ z.lazy(() => z.url({ protocol: /^https$/ }).check(z.maxLength(2000)));

/** Committees are named by their founding resolution (`1718`, `1267`); regimes by a slug (`dprk`). */
export const committeeSchema = /* @__PURE__ */ z.lazy(() =>
  z.string().check(z.regex(/^\d{1,5}$/, 'must be the committee\'s resolution number, e.g. "1718"')),
);
