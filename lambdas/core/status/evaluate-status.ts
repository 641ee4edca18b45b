import { type Figure, WORKERS_REMAINING } from '../figures/figure.ts';
import type { Obligation } from '../obligations/obligation.ts';
import { type Report, submittedOn } from '../reports/report.ts';
import { daysBetween, type IsoDate, utcDateOf } from '../time/calendar-date.ts';
import type { ObligationStatus } from './obligation-status.ts';

/** How many days before a deadline a state still owing it is shown as due-soon. */
export const DEFAULT_WARNING_DAYS = 30;

export interface StatusInput {
  readonly obligation: Obligation;
  readonly applies: boolean;
  /** This state's reports on this obligation, any dates: those submitted after `at` are ignored. */
  readonly reports: readonly Report[];
  /** This state's `workers.remaining` figures, the history or just the latest. */
  readonly remaining: readonly Figure[];
  readonly at: Date;
  readonly warningDays?: number;
}

/**
 * The figure in force on `today`: latest `asOf` not after it. Several on the same day are
 * corrections of one another, so the one recorded last wins. Other metrics are skipped, so a
 * caller handing over a state's mixed figures cannot mark it met by accident.
 */
export const latestRemainingAsOf = (figures: readonly Figure[], today: IsoDate): Figure | undefined => {
  let latest: Figure | undefined;
  for (const figure of figures) {
    if (figure.metric !== WORKERS_REMAINING || figure.asOf > today) continue;
    if (
      !latest ||
      figure.asOf > latest.asOf ||
      (figure.asOf === latest.asOf && figure.recordedAt > latest.recordedAt)
    ) {
      latest = figure;
    }
  }
  return latest;
};

/** A range only proves nobody remains when even its upper bound is 0. */
const isZero = (figure: Figure): boolean => ('value' in figure ? figure.value : figure.high) === 0;

/**
 * The report that settles the obligation: the earliest submitted by `today`. On a tie a public
 * report wins, since the state did put one on the record that day.
 */
const firstCountingReport = (reports: readonly Report[], today: IsoDate): Report | undefined => {
  let first: Report | undefined;
  for (const report of reports) {
    const day = submittedOn(report);
    if (day > today) continue;
    if (!first) {
      first = report;
      continue;
    }
    const firstDay = submittedOn(first);
    if (day < firstDay || (day === firstDay && report.public && !first.public)) first = report;
  }
  return first;
};

/** Before the deadline: due-soon inside the warning window (0 on the due day), else not-due. */
const beforeDeadline = (today: IsoDate, dueDate: IsoDate, warningDays: number): ObligationStatus => {
  const daysUntilDue = daysBetween(today, dueDate);
  return daysUntilDue <= warningDays ? { status: 'due-soon', daysUntilDue } : { status: 'not-due', daysUntilDue };
};

const reportStatus = (input: StatusInput, today: IsoDate, warningDays: number): ObligationStatus => {
  const { dueDate } = input.obligation;
  const report = firstCountingReport(input.reports, today);
  if (report) {
    const day = submittedOn(report);
    const daysLate = Math.max(0, daysBetween(dueDate, day));
    // The date received is always a day; only the date a report bears may be known less exactly.
    const accuracy =
      report.receivedOn === undefined && report.dateAccuracy !== undefined && report.dateAccuracy !== 'day'
        ? { dateAccuracy: report.dateAccuracy }
        : {};
    // A withheld report was still submitted: it is never overdue, only flagged as not public.
    if (!report.public) return { status: 'submitted-not-public', submittedOn: day, daysLate, ...accuracy };
    return daysLate > 0
      ? { status: 'submitted-late', submittedOn: day, daysLate, ...accuracy }
      : { status: 'submitted', submittedOn: day, ...accuracy };
  }
  if (today > dueDate) return { status: 'overdue', daysOverdue: daysBetween(dueDate, today) };
  return beforeDeadline(today, dueDate, warningDays);
};

const actionStatus = (input: StatusInput, today: IsoDate, warningDays: number): ObligationStatus => {
  const { dueDate } = input.obligation;
  const latest = latestRemainingAsOf(input.remaining, today);
  // Repatriating everyone late still meets the obligation; the board shows when (metOn).
  if (latest && isZero(latest)) return { status: 'met', metOn: latest.asOf };
  if (today > dueDate) return { status: 'deadline-passed', daysPassed: daysBetween(dueDate, today) };
  return beforeDeadline(today, dueDate, warningDays);
};

/** Where one state stands on one obligation as of the UTC day `at` falls on. */
export const evaluateStatus = (input: StatusInput): ObligationStatus => {
  if (!input.applies) return { status: 'not-applicable' };
  const today = utcDateOf(input.at);
  const warningDays = input.warningDays ?? DEFAULT_WARNING_DAYS;
  return input.obligation.kind === 'report'
    ? reportStatus(input, today, warningDays)
    : actionStatus(input, today, warningDays);
};
