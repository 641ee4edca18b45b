import { type Figure, WORKERS_REMAINING } from '../figures/figure.ts';
import type { Obligation } from '../obligations/obligation.ts';
import { dueDateOfCycle, offsetFrom } from '../obligations/obligation-due.ts';
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
  /** The day an admin recorded a conditional duty's trigger for this state. */
  readonly triggeredOn?: IsoDate;
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

/** Earliest submitted first; on a tie a public report first, since the state did put one on the record that day. */
const bySubmission = (a: Report, b: Report): number =>
  submittedOn(a).localeCompare(submittedOn(b)) || Number(b.public) - Number(a.public);

/** Before the deadline: due-soon inside the warning window (0 on the due day), else not-due. */
const beforeDeadline = (today: IsoDate, dueDate: IsoDate, warningDays: number): ObligationStatus => {
  const daysUntilDue = daysBetween(today, dueDate);
  return daysUntilDue <= warningDays ? { status: 'due-soon', daysUntilDue } : { status: 'not-due', daysUntilDue };
};

/**
 * A deadline passed with nothing on file: overdue (a report) or deadline-passed (an action), or
 * unrecorded when the service keeps no record for the duty and so cannot say the state failed it.
 */
const pastDeadline = (obligation: Obligation, today: IsoDate, dueDate: IsoDate): ObligationStatus => {
  const days = daysBetween(dueDate, today);
  if (obligation.reportsRecorded === false) return { status: 'unrecorded', daysSinceDue: days };
  return obligation.kind === 'report'
    ? { status: 'overdue', daysOverdue: days }
    : { status: 'deadline-passed', daysPassed: days };
};

/** Where a state stands, with the deadline its status is measured against (none for an open-ended duty). */
export interface Standing {
  readonly status: ObligationStatus;
  readonly dueDate?: IsoDate;
}

/** A report measured against the deadline of the cycle it settled (none: never late). */
const settledBy = (report: Report, dueDate: IsoDate | undefined): ObligationStatus => {
  const day = submittedOn(report);
  const daysLate = dueDate === undefined ? 0 : Math.max(0, daysBetween(dueDate, day));
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
};

/**
 * Reports settle cycles in order: the first report counted by `today` settles the first
 * deadline, the next one the next (a recurring duty has one cycle per deadline, others one in
 * all). A conditional duty counts only reports from its trigger on. With every known cycle
 * settled and the next deadline not yet near, the last report's standing shows.
 */
const reportStanding = (input: StatusInput, today: IsoDate, warningDays: number): Standing => {
  const { obligation, triggeredOn } = input;
  const counted = input.reports
    .filter(
      (report) => submittedOn(report) <= today && (triggeredOn === undefined || submittedOn(report) >= triggeredOn),
    )
    .sort(bySubmission);
  const cycles = obligation.due.type === 'recurring' ? counted.length : Math.min(counted.length, 1);
  const next = cycleDueDate(input, cycles);
  const last = counted[cycles - 1];
  if (next !== undefined && today > next) return { status: pastDeadline(input.obligation, today, next), dueDate: next };
  if (!last)
    return next === undefined
      ? { status: { status: 'open' } }
      : { status: beforeDeadline(today, next, warningDays), dueDate: next };
  if (next !== undefined && daysBetween(today, next) <= warningDays)
    return { status: beforeDeadline(today, next, warningDays), dueDate: next };
  const settledDue = cycleDueDate(input, cycles - 1);
  return settledDue === undefined
    ? { status: settledBy(last, undefined) }
    : { status: settledBy(last, settledDue), dueDate: settledDue };
};

const actionStanding = (input: StatusInput, today: IsoDate, warningDays: number): Standing => {
  const dueDate = cycleDueDate(input, 0);
  const latest = latestRemainingAsOf(input.remaining, today);
  const dated = (status: ObligationStatus): Standing => (dueDate === undefined ? { status } : { status, dueDate });
  // Repatriating everyone late still meets the obligation; the board shows when (metOn).
  if (latest && isZero(latest)) return dated({ status: 'met', metOn: latest.asOf });
  if (dueDate === undefined) return { status: { status: 'open' } };
  if (today > dueDate) return dated(pastDeadline(input.obligation, today, dueDate));
  return dated(beforeDeadline(today, dueDate, warningDays));
};

/** The deadline of a cycle for this state: a conditional duty's runs from the day its trigger was recorded. */
const cycleDueDate = ({ obligation, triggeredOn }: StatusInput, cycle: number): IsoDate | undefined => {
  const { due } = obligation;
  if (due.type === 'conditional')
    return triggeredOn === undefined || cycle > 0 ? undefined : offsetFrom(triggeredOn, due.within);
  // The first deadline as stored, when it is: items written before due rules carry it.
  return cycle === 0 && obligation.dueDate !== undefined
    ? obligation.dueDate
    : dueDateOfCycle(due, obligation.adoptedOn, cycle);
};

/**
 * Where one state stands on one obligation as of the UTC day `at` falls on, and the deadline that
 * is measured against. A conditional duty applies only once its trigger is recorded for the state.
 */
export const evaluateStanding = (input: StatusInput): Standing => {
  if (!input.applies || (input.obligation.due.type === 'conditional' && input.triggeredOn === undefined))
    return { status: { status: 'not-applicable' } };
  const today = utcDateOf(input.at);
  const warningDays = input.warningDays ?? DEFAULT_WARNING_DAYS;
  return input.obligation.kind === 'report'
    ? reportStanding(input, today, warningDays)
    : actionStanding(input, today, warningDays);
};

/** Where one state stands on one obligation as of the UTC day `at` falls on. */
export const evaluateStatus = (input: StatusInput): ObligationStatus => evaluateStanding(input).status;
