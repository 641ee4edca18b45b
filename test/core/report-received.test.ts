import { describe, expect, it } from 'vitest';
import { reportReceivedEvent } from '../../lambdas/core/changes/report-received.ts';
import type { Report } from '../../lambdas/core/reports/report.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { seededObligation } from '../support/registry-obligations.ts';
import { MIDTERM } from '../support/watch-fixtures.ts';

const midterm = seededObligation(MIDTERM);

const report = (state: string, reportDate: string, extra: Partial<Report> = {}): Report => ({
  state,
  obligationId: midterm.id,
  reportDate: isoDate(reportDate),
  public: true,
  recordedAt: '2019-12-01T09:00:00.000Z',
  ...extra,
});

describe('report.received', () => {
  it("a report after the deadline resolves the state's overdue status, with days late", () => {
    const equatorialGuinea = report('GQ', '2019-06-10');

    expect(reportReceivedEvent(equatorialGuinea, midterm, [equatorialGuinea])).toMatchObject({
      type: 'report.received',
      state: 'GQ',
      obligationId: '2397-p8-midterm',
      at: '2019-12-01T09:00:00.000Z',
      dedupKey: 'report.received:GQ:2397-p8-midterm:2019-06-10',
      data: { dueDate: '2019-03-22', late: true, daysLate: 80, resolvesOverdue: true, public: true },
    });
  });

  it('an on-time report resolves nothing; a not-public one says so', () => {
    expect(reportReceivedEvent(report('RU', '2019-03-20'), midterm, []).data).toMatchObject({
      late: false,
      daysLate: 0,
      resolvesOverdue: false,
    });
    expect(reportReceivedEvent(report('CN', '2019-03-20', { public: false }), midterm, []).data).toMatchObject({
      public: false,
    });
  });

  it('a second, late report does not resolve anything when an earlier one already counted', () => {
    const followUp = report('RU', '2019-09-01');

    expect(reportReceivedEvent(followUp, midterm, [report('RU', '2019-03-20'), followUp]).data).toMatchObject({
      late: true,
      resolvesOverdue: false,
    });
  });

  it('counts the day the Committee received it, not the date it bears', () => {
    const received = report('NP', '2019-03-20', { receivedOn: isoDate('2019-03-25'), symbol: 'S/AC.49/2019/60' });

    expect(reportReceivedEvent(received, midterm, []).data).toMatchObject({
      submittedOn: '2019-03-25',
      daysLate: 3,
      symbol: 'S/AC.49/2019/60',
    });
  });
});
