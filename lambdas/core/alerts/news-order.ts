import { byStateName } from '../reference/state-names.ts';
import type { AlertEventType } from './alert-event.ts';
import type { TypedAlertEvent } from './alert-event-data.ts';

/** Bad news first: a state in breach, then a missed deadline, a coming one, and the updates. */
const typePriority: Readonly<Record<AlertEventType, number>> = {
  'report.overdue': 0,
  'deadline.passed': 1,
  'deadline.approaching': 2,
  'report.received': 3,
  'figure.changed': 4,
  'source.proposal': 5,
};

/** Code-unit order, the same in every locale; an absent text sorts first. */
export const compareText = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);

/** The day an event is about: a figure's as-of date, a report's date, an obligation's due date. */
const dayOf = (event: TypedAlertEvent): string => {
  switch (event.type) {
    case 'figure.changed':
      return event.data.asOfCurrent;
    case 'report.received':
      return event.data.reportDate;
    case 'source.proposal':
      return event.data.datedOn ?? '';
    default:
      return event.data.dueDate;
  }
};

/**
 * The order news is told in, whatever order it arrived in: type, state name (deadlines, which
 * have no state, first), obligation, metric; then by the day it is about and when it was
 * detected (ISO-8601 UTC instants, which sort as text), so of several changes of one state's
 * metric the latest comes last. The id makes the order total.
 */
export const inNewsOrder = (a: TypedAlertEvent, b: TypedAlertEvent): number =>
  typePriority[a.type] - typePriority[b.type] ||
  (a.state === undefined || b.state === undefined ? compareText(a.state, b.state) : byStateName(a.state, b.state)) ||
  compareText(a.obligationId, b.obligationId) ||
  compareText(a.metric, b.metric) ||
  compareText(dayOf(a), dayOf(b)) ||
  compareText(a.at, b.at) ||
  compareText(a.id, b.id);
