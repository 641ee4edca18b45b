import type { Obligation } from '../obligations/obligation.ts';
import type { Report } from '../reports/report.ts';
import { addDays, daysBetween, endOfUtcDay, type IsoDate } from '../time/calendar-date.ts';
import { evaluateStatus } from './evaluate-status.ts';

/** How many states stood where on one day, as the board would have shown them that day. */
export interface HistoryDay {
  readonly date: IsoDate;
  /** Submitted, late or not public: every state that had reported. */
  readonly reported: number;
  readonly submitted: number;
  readonly late: number;
  readonly notPublic: number;
  readonly overdue: number;
}

export interface ReportingHistoryInput {
  readonly obligation: Obligation;
  /** The states counted (alpha-2), already narrowed to a group if one was asked for. */
  readonly states: readonly string[];
  readonly applies: (alpha2: string) => boolean;
  /** Any reports; those of other obligations or other states are ignored. */
  readonly reports: readonly Report[];
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** The longest range one request may ask for: five years of days. */
export const MAX_HISTORY_DAYS = 1_830;

/**
 * Day by day, from `from` to `to`, how many states had reported and how many were overdue,
 * each state judged by `evaluateStatus` as of the end of that day. A state with no report is
 * overdue on every day after the deadline, so only states with reports are evaluated per day.
 */
export const reportingHistory = (input: ReportingHistoryInput): HistoryDay[] => {
  const { obligation } = input;
  const applicable = input.states.filter(input.applies);
  const reportsByState = Map.groupBy(
    input.reports.filter((report) => report.obligationId === obligation.id),
    (report) => report.state,
  );
  const withReports = applicable.filter((state) => reportsByState.has(state));
  const silent = applicable.length - withReports.length;
  const days = daysBetween(input.from, input.to);
  return Array.from({ length: days + 1 }, (_, index): HistoryDay => {
    const date = addDays(input.from, index);
    const counts = {
      submitted: 0,
      late: 0,
      notPublic: 0,
      overdue: obligation.dueDate !== undefined && date > obligation.dueDate ? silent : 0,
    };
    for (const state of withReports) {
      const { status } = evaluateStatus({
        obligation,
        applies: true,
        reports: reportsByState.get(state) ?? [],
        remaining: [],
        at: endOfUtcDay(date),
      });
      if (status === 'submitted') counts.submitted += 1;
      else if (status === 'submitted-late') counts.late += 1;
      else if (status === 'submitted-not-public') counts.notPublic += 1;
      else if (status === 'overdue') counts.overdue += 1;
    }
    return { date, reported: counts.submitted + counts.late + counts.notPublic, ...counts };
  });
};
