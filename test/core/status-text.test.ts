import { describe, expect, it } from 'vitest';
import { statusDetail } from '../../lambdas/core/board/status-text.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';

describe('statusDetail, with a date known less exactly than a day', () => {
  it('says the day, when the source gives it', () => {
    expect(statusDetail({ status: 'submitted', submittedOn: isoDate('2019-03-08') })).toBe('submitted on 8 March 2019');
  });

  it('says the month alone, and lateness as an upper bound, when the source gives the month', () => {
    expect(
      statusDetail({
        status: 'submitted-late',
        submittedOn: isoDate('2019-03-31'),
        daysLate: 9,
        dateAccuracy: 'month',
      }),
    ).toBe('submitted in March 2019 (the day is not known), up to 9 days late');
  });

  it('says "by" the day, when the source shows only that the report existed then', () => {
    expect(
      statusDetail({
        status: 'submitted-not-public',
        submittedOn: isoDate('2020-03-23'),
        daysLate: 1,
        dateAccuracy: 'on-or-before',
      }),
    ).toBe('submitted by 23 March 2020 (the day is not known), up to 1 day late, not public');
  });
});

describe('statusDetail, past the deadline of a duty whose reports the service does not hold', () => {
  it('says how long ago the deadline passed and that reports are not recorded here, never "overdue"', () => {
    const text = statusDetail({ status: 'unrecorded', daysSinceDue: 3097 });

    expect(text).toBe('deadline passed 3,097 days ago; reports not recorded here');
    expect(text).not.toMatch(/overdue/);
  });
});
