import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  isoDate,
  parseIsoDate,
  utcDateOf,
} from '../../lambdas/core/time/calendar-date.ts';

describe('calendar dates (UTC)', () => {
  it.each([
    ['2017-12-22', 15, '2019-03-22'],
    ['2017-12-22', 24, '2019-12-22'],
    ['2017-12-22', 27, '2020-03-22'],
    ['2019-01-31', 1, '2019-02-28'],
    ['2020-01-31', 1, '2020-02-29'],
    ['2019-03-31', 1, '2019-04-30'],
    ['2020-02-29', 12, '2021-02-28'],
    ['2020-02-29', 48, '2024-02-29'],
    ['2019-12-31', 2, '2020-02-29'],
    ['2019-05-31', -3, '2019-02-28'],
    ['2019-11-30', 3, '2020-02-29'],
    ['2099-12-31', 1, '2100-01-31'],
    ['2100-01-31', 1, '2100-02-28'],
  ])('%s + %i months = %s', (start, months, expected) => {
    expect(addMonths(isoDate(start), months)).toBe(expected);
  });

  it('refuses fractional months rather than rounding a deadline', () => {
    expect(() => addMonths(isoDate('2019-01-01'), 1.5)).toThrow(/whole number/);
  });

  it.each([
    '2019-02-29',
    '2019-13-01',
    '2019-00-10',
    '2019-03-00',
    '2019-04-31',
    '19-03-22',
    '2019-3-22',
    '2019-03-22T00:00:00Z',
    'x2019-03-22',
    ' 2019-03-22',
    '',
  ])('rejects %j as a calendar date', (raw) => {
    expect(parseIsoDate(raw)).toBeUndefined();
  });

  it('accepts 29 February in leap years only', () => {
    expect(parseIsoDate('2020-02-29')).toBe('2020-02-29');
    expect(parseIsoDate('2000-02-29')).toBe('2000-02-29');
    expect(parseIsoDate('1900-02-29')).toBeUndefined();
    // The year 0 is a leap year of the proleptic Gregorian calendar; 1900, which Date.UTC would read it as, is not.
    expect(parseIsoDate('0000-02-29')).toBe('0000-02-29');
  });

  it('isoDate names the text it cannot take as a date', () => {
    expect(isoDate('2019-03-22')).toBe('2019-03-22');
    expect(() => isoDate('2019-02-29')).toThrow('not an ISO-8601 calendar date: 2019-02-29');
  });

  it('counts whole days across month and year ends and leap days', () => {
    expect(daysBetween(isoDate('2019-03-22'), isoDate('2019-12-16'))).toBe(269);
    expect(daysBetween(isoDate('2020-02-28'), isoDate('2020-03-01'))).toBe(2);
    expect(daysBetween(isoDate('2019-12-31'), isoDate('2019-12-01'))).toBe(-30);
    expect(addDays(isoDate('2019-12-31'), 1)).toBe('2020-01-01');
    expect(addDays(isoDate('2020-03-01'), -1)).toBe('2020-02-29');
  });

  it('takes the UTC day of an instant, not the local one', () => {
    expect(utcDateOf(new Date('2019-03-22T23:59:59.999Z'))).toBe('2019-03-22');
    expect(utcDateOf(new Date('2019-03-23T00:00:00.000+01:00'))).toBe('2019-03-22');
  });

  it('counts years 0-99 as themselves, not as 1900-1999', () => {
    expect(addDays(isoDate('0050-01-01'), 1)).toBe('0050-01-02');
    expect(addMonths(isoDate('0099-12-31'), 2)).toBe('0100-02-28');
    expect(daysBetween(isoDate('0050-06-01'), isoDate('2019-03-22'))).toBe(719_091);
  });

  it('has no calendar date for an instant past the year 9999', () => {
    expect(() => utcDateOf(new Date('9999-12-31T23:59:59.999-23:59'))).toThrow(RangeError);
    expect(() => utcDateOf(new Date('+010000-01-01T00:00:00.000Z'))).toThrow(
      '+010000-01-01T00:00:00.000Z is outside the years 0-9999 that calendar dates cover',
    );
  });
});
