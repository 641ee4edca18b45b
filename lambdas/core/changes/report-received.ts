import type { AlertEvent } from '../alerts/alert-event.ts';
import { alertEventId, dedupKeys } from '../alerts/alert-event-id.ts';
import type { Obligation } from '../obligations/obligation.ts';
import { type Report, submittedOn } from '../reports/report.ts';
import { evaluateStanding } from '../status/evaluate-status.ts';
import { daysBetween, endOfUtcDay } from '../time/calendar-date.ts';

/**
 * The alert for a newly recorded report. `resolvesOverdue`: the state was overdue until this
 * report, i.e. it came after the deadline and no earlier report on the obligation counted.
 */
export const reportReceivedEvent = (
  report: Report,
  obligation: Obligation,
  otherReports: readonly Report[],
): AlertEvent => {
  const submitted = submittedOn(report);
  // Measured as the board measures it: the deadline of the cycle this report settles, as of the day it came in.
  const { dueDate } = evaluateStanding({
    obligation,
    applies: true,
    reports: [
      report,
      ...otherReports.filter(
        (other) => other.obligationId === report.obligationId && other.reportDate !== report.reportDate,
      ),
    ],
    remaining: [],
    at: endOfUtcDay(submitted),
    ...(obligation.due.type === 'conditional' ? { triggeredOn: submitted } : {}),
  });
  const daysLate = dueDate === undefined ? 0 : Math.max(0, daysBetween(dueDate, submitted));
  const earlier = otherReports.some(
    (other) =>
      other.obligationId === report.obligationId &&
      other.reportDate !== report.reportDate &&
      submittedOn(other) <= submitted,
  );
  const dedupKey = dedupKeys.reportReceived(report.state, report.obligationId, report.reportDate);
  return {
    id: alertEventId(dedupKey),
    type: 'report.received',
    at: report.recordedAt,
    state: report.state,
    obligationId: report.obligationId,
    ...(obligation.committee === undefined ? {} : { committee: obligation.committee }),
    data: {
      title: obligation.title,
      ...(dueDate === undefined ? {} : { dueDate }),
      reportDate: report.reportDate,
      submittedOn: submitted,
      public: report.public,
      late: daysLate > 0,
      daysLate,
      resolvesOverdue: daysLate > 0 && !earlier,
      ...(report.symbol === undefined ? {} : { symbol: report.symbol }),
      ...(report.url === undefined ? {} : { url: report.url }),
    },
    dedupKey,
  };
};
