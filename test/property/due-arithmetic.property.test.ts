import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetFrom } from '../../lambdas/core/obligations/obligation-due.ts';
import { daysInMonth, isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { dateOfDay, dayNumber } from './reference-calendar.ts';

/** Days 1900-01-01 to 2999-12-31 as day numbers. */
const dayArb = fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2899-12-31') });
const dateArb = dayArb.map((day) => isoDate(dateOfDay(day)));
/** Dates crowded at month ends and around 29 February, where month arithmetic goes wrong. */
const monthEndArb = fc
  .record({
    year: fc.integer({ min: 1900, max: 2899 }),
    month: fc.integer({ min: 1, max: 12 }),
    back: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ year, month, back }) => {
    const day = daysInMonth(year, month) - back;
    return isoDate(
      `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    );
  });
const anyDateArb = fc.oneof(dateArb, monthEndArb);

const SEED = 2016;

describe('due offsets, against plain day and month counting', () => {
  it('N days after a date is N day numbers on, whatever the month or leap year', () => {
    fc.assert(
      fc.property(anyDateArb, fc.integer({ min: 1, max: 3650 }), (date, days) => {
        expect(dayNumber(offsetFrom(date, { days }))).toBe(dayNumber(date) + days);
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  it("N months after a date is in the month N on, on the same day or that month's last day when it has no such day", () => {
    fc.assert(
      fc.property(anyDateArb, fc.integer({ min: 0, max: 600 }), (date, months) => {
        const [year, month, day] = date.split('-').map(Number) as [number, number, number];
        const index = year * 12 + (month - 1) + months;
        const [toYear, toMonth] = [Math.floor(index / 12), (index % 12) + 1];
        const expectedDay = Math.min(day, daysInMonth(toYear, toMonth));
        const due = offsetFrom(date, { months });
        expect(due.split('-').map(Number)).toEqual([toYear, toMonth, expectedDay]);
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  it('29 February plus 12 months is 28 February, plus 48 months 29 February again', () => {
    expect(offsetFrom(isoDate('2016-02-29'), { months: 12 })).toBe('2017-02-28');
    expect(offsetFrom(isoDate('2016-02-29'), { months: 48 })).toBe('2020-02-29');
    expect(offsetFrom(isoDate('2016-01-31'), { months: 1 })).toBe('2016-02-29');
    expect(offsetFrom(isoDate('2100-01-31'), { months: 1 })).toBe('2100-02-28');
  });

  it('a later start never gives an earlier deadline', () => {
    fc.assert(
      fc.property(anyDateArb, anyDateArb, fc.integer({ min: 0, max: 120 }), (a, b, months) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(offsetFrom(early, { months }) <= offsetFrom(late, { months })).toBe(true);
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });
});
