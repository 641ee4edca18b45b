/**
 * Whole UTC days counted the plainest way, for the property tests' reference implementations: a
 * calendar date is its day number since 1970-01-01, taken from Date with setUTCFullYear (which,
 * unlike Date.UTC, reads years 0–99 as written), and an instant falls on floor(ms / one day).
 */
const DAY_MS = 86_400_000;

/** Day number of a `YYYY-MM-DD` date. */
export const dayNumber = (date: string): number => {
  const [year, month, day] = date.split('-').map(Number);
  const instant = new Date(0);
  instant.setUTCFullYear(year ?? Number.NaN, (month ?? Number.NaN) - 1, day ?? Number.NaN);
  return Math.round(instant.getTime() / DAY_MS);
};

/** The `YYYY-MM-DD` date of a day number (years 0000–9999). */
export const dateOfDay = (day: number): string => {
  const instant = new Date(day * DAY_MS);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(instant.getUTCFullYear(), 4)}-${pad(instant.getUTCMonth() + 1, 2)}-${pad(instant.getUTCDate(), 2)}`;
};

/** The day number an instant falls on, in UTC. */
export const dayOfInstant = (instant: Date): number => Math.floor(instant.getTime() / DAY_MS);

/** The first millisecond of a day number, plus `ms` into it. */
export const instantInDay = (day: number, ms: number): Date => new Date(day * DAY_MS + ms);

export const LAST_MS_OF_DAY = DAY_MS - 1;
