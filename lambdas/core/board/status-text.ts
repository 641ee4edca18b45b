import { formatDate, plural } from '../messages/format.ts';
import type { ObligationStatus } from '../status/obligation-status.ts';

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
      return `submitted on ${formatDate(status.submittedOn)}`;
    case 'submitted-late':
      return `submitted on ${formatDate(status.submittedOn)}, ${plural(status.daysLate, 'day')} late`;
    case 'submitted-not-public':
      return `submitted on ${formatDate(status.submittedOn)}${status.daysLate > 0 ? `, ${plural(status.daysLate, 'day')} late` : ''}, not public`;
    case 'overdue':
      return `overdue by ${plural(status.daysOverdue, 'day')}`;
    case 'deadline-passed':
      return `deadline passed ${plural(status.daysPassed, 'day')} ago`;
    case 'met':
      return `met on ${formatDate(status.metOn)}`;
  }
};
