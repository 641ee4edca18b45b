import { UsageError } from './usage-error.ts';

/**
 * Turns flag text into request values. Only the shape is checked here, so a typo fails before any
 * request; whether a date exists or a code is a member state is the API's to say.
 */

export const isoDate = (flag: string, raw: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw))
    throw new UsageError(`--${flag} must be a date in the form YYYY-MM-DD, got "${raw}"`);
  return raw;
};

export const optionalIsoDate = (flag: string, raw: string | undefined): string | undefined =>
  raw === undefined ? undefined : isoDate(flag, raw);

export const required = (flag: string, raw: string | undefined): string => {
  if (raw === undefined || raw === '') throw new UsageError(`--${flag} is required`);
  return raw;
};

export const number = (flag: string, raw: string): number => {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${flag} must be a number, got "${raw}"`);
  return value;
};

export const optionalNumber = (flag: string, raw: string | undefined): number | undefined =>
  raw === undefined ? undefined : number(flag, raw);

export const wholeNumber = (flag: string, raw: string): number => {
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${flag} must be a whole number, got "${raw}"`);
  return Number(raw);
};

/** `--states RU,CN --states KP` → ['RU', 'CN', 'KP']: repeated flags and commas both work. */
export const list = (flag: string, raw: readonly string[] | undefined): string[] | undefined => {
  if (raw === undefined) return undefined;
  const items = raw.flatMap((entry) => entry.split(',')).map((item) => item.trim());
  if (items.some((item) => item === ''))
    throw new UsageError(`--${flag} takes a comma-separated list with no empty entries, got "${raw.join(',')}"`);
  return items;
};
