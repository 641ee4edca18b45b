/**
 * Calendar dates as ISO-8601 `YYYY-MM-DD` strings, interpreted in UTC. Deadlines in UN
 * resolutions are calendar days, so every computation here works on whole UTC days.
 */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the date when `raw` is a real calendar day in `YYYY-MM-DD` form, else undefined. */
export const parseIsoDate = (raw: string): IsoDate | undefined => {
  const match = ISO_DATE.exec(raw);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return raw as IsoDate;
};

export const isoDate = (raw: string): IsoDate => {
  const date = parseIsoDate(raw);
  if (!date) throw new Error(`not an ISO-8601 calendar date: ${raw}`);
  return date;
};

/** The Gregorian calendar repeats every 400 years, which are exactly this many days. */
const MS_PER_400_YEARS = 146_097 * 86_400_000;

/** Date.UTC, without its reading of years 0–99 as 1900–1999 (computed 400 years on, then moved back). */
const utcTime = (year: number, monthIndex: number, day: number): number =>
  year >= 0 && year < 100 ? Date.UTC(year + 400, monthIndex, day) - MS_PER_400_YEARS : Date.UTC(year, monthIndex, day);

export const daysInMonth = (year: number, month: number): number => new Date(utcTime(year, month, 0)).getUTCDate();

const fromUtcParts = (year: number, month: number, day: number): IsoDate =>
  utcDateOf(new Date(utcTime(year, month - 1, day)));

const parts = (date: IsoDate): [number, number, number] => {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
};

/**
 * Adds calendar months the way deadlines "within N months" are read: the same day of the month,
 * or the month's last day when that day does not exist (31 Jan + 1 month = 28/29 Feb).
 */
export const addMonths = (date: IsoDate, months: number): IsoDate => {
  if (!Number.isInteger(months)) throw new Error(`addMonths: months must be a whole number, got ${months}`);
  const [year, month, day] = parts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return fromUtcParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
};

export const addDays = (date: IsoDate, days: number): IsoDate => {
  const [year, month, day] = parts(date);
  return fromUtcParts(year, month, day + days);
};

/** The calendar day (UTC) an instant falls on; only years 0–9999 have a `YYYY-MM-DD` form. */
export const utcDateOf = (instant: Date): IsoDate => {
  const iso = instant.toISOString();
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`${iso} is outside the years 0-9999 that calendar dates cover`);
  return iso.slice(0, 10) as IsoDate;
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((utcTime(ty, tm - 1, td) - utcTime(fy, fm - 1, fd)) / 86_400_000);
};

/** The last instant of a UTC day: "as of 2019-12-16" counts everything that happened that day. */
export const endOfUtcDay = (date: IsoDate): Date => new Date(`${date}T23:59:59.999Z`);
