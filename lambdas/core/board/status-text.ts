import { formatDate, plural } from '../messages/format.ts';
import type { ObligationStatus } from '../status/obligation-status.ts';

type Submitted = Extract<ObligationStatus, { readonly submittedOn: unknown }>;

/** "on 8 March 2019"; "in March 2019 (the day is not known)"; "by 23 March 2020 (the day is not known)". */
const submittedWhen = (status: Submitted): string => {
  switch (status.dateAccuracy) {
    case 'month':
      return `in ${formatDate(status.submittedOn).replace(/^\d+ /, '')} (the day is not known)`;
    case 'on-or-before':
      return `by ${formatDate(status.submittedOn)} (the day is not known)`;
    default:
      return `on ${formatDate(status.submittedOn)}`;
  }
};

/** With a date known only to the month or as a latest day, lateness is at most the days counted. */
const late = (status: Submitted & { readonly daysLate: number }): string =>
  `${status.dateAccuracy === undefined ? '' : 'up to '}${plural(status.daysLate, 'day')} late`;

const dueIn = (days: number): string => (days === 0 ? 'today' : `in ${plural(days, 'day')}`);

/** The status in words with its numbers, for tooltips and lists: "overdue by 273 days", "submitted on 22 March 2019, not public". */
export const statusDetail = (status: ObligationStatus): string => {
  switch (status.status) {
    case 'not-applicable':
      return 'not applicable';
    case 'open':
      return 'open: no deadline, nothing received yet';
    case 'not-due':
      return `not due yet, due ${dueIn(status.daysUntilDue)}`;
    case 'due-soon':
      return `due soon, ${dueIn(status.daysUntilDue)}`;
    case 'submitted':
      return `submitted ${submittedWhen(status)}`;
    case 'submitted-late':
      return `submitted ${submittedWhen(status)}, ${late(status)}`;
    case 'submitted-not-public':
      return `submitted ${submittedWhen(status)}${status.daysLate > 0 ? `, ${late(status)}` : ''}, not public`;
    case 'overdue':
      return `overdue by ${plural(status.daysOverdue, 'day')}`;
    case 'deadline-passed':
      return `deadline passed ${plural(status.daysPassed, 'day')} ago`;
    case 'unrecorded':
      return `deadline passed ${plural(status.daysSinceDue, 'day')} ago; reports not recorded here`;
    case 'met':
      return `met on ${formatDate(status.metOn)}`;
  }
};
