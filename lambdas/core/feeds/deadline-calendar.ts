import { formatDate, plural, stateLabel } from '../messages/format.ts';
import type { Clock } from '../ports/clock.ts';
import type { MemberState } from '../reference/member-states.ts';
import { byStateName } from '../reference/state-names.ts';
import { isStillOwed } from '../status/obligation-status.ts';
import { lastRecordedAt, loadStandingData, type StandingDependencies } from '../status/standing-data.ts';
import { findState } from '../status/state-directory.ts';
import type { ObligationColumn, StateStatus, StatusBoard } from '../status/status-board.ts';
import { type StatusBoardQuery, statusBoardOf } from '../status/status-board-query.ts';
import type { IsoDate } from '../time/calendar-date.ts';

export interface DeadlineCalendarQuery extends Omit<StatusBoardQuery, 'asOf'> {
  /** One state, alpha-2 or alpha-3, any case. */
  readonly state?: string;
  /** Only the obligations of this committee, e.g. `1718`. */
  readonly committee?: string;
}

/** One obligation's deadline, as a calendar shows it: an all-day event on the due date. */
export interface DeadlineEvent {
  /** Stable across requests, so calendar apps update the event rather than add another. */
  readonly uid: string;
  readonly dueDate: IsoDate;
  readonly summary: string;
  /** The obligation, and the states that still owe it as of the calendar's instant. */
  readonly description: string;
}

export interface DeadlineCalendar {
  readonly name: string;
  /**
   * When what it says last changed: every event's DTSTAMP, so that the same data gives the same
   * file. See `lastChangeOf`.
   */
  readonly changedAt: Date;
  /** Earliest deadline first. */
  readonly events: readonly DeadlineEvent[];
}

/** The days before a deadline at which calendar apps remind: a week ahead, and the day before. */
export const CALENDAR_ALARM_DAYS: readonly number[] = [7, 1];

const owing = (kind: ObligationColumn['obligation']['kind']): string =>
  kind === 'report' ? 'yet to report' : 'yet to act';

const stateLine = ({ code, status }: StateStatus): string =>
  `- ${stateLabel(code)}${status.status === 'overdue' ? `: ${plural(status.daysOverdue, 'day')} overdue` : ''}`;

const descriptionOf = (
  { obligation, states }: ObligationColumn,
  dueDate: IsoDate,
  applicable: number,
  asOf: IsoDate,
): string => {
  const kind = obligation.kind === 'report' ? 'a report' : 'an action';
  const heading = `Resolution ${obligation.resolution}, paragraph ${obligation.paragraph} (${obligation.id}): ${kind} due ${formatDate(dueDate)}.`;
  // Without a record of the reports, any list of states "yet to report" would be a guess.
  if (obligation.reportsRecorded === false)
    return [heading, "The states' reports on it are not recorded here, so no state is listed as owing it."].join('\n');
  const pending = states.filter(({ status }) => isStillOwed(status.status)).sort((a, b) => byStateName(a.code, b.code));
  return [
    heading,
    pending.length > 0
      ? `As of ${formatDate(asOf)}, ${pending.length} of ${plural(applicable, 'state')} ${pending.length === 1 ? 'is' : 'are'} ${owing(obligation.kind)}:`
      : `As of ${formatDate(asOf)}, every state it applies to has ${obligation.kind === 'report' ? 'reported' : 'acted'}.`,
    ...pending.map(stateLine),
  ].join('\n');
};

/**
 * When a calendar of the board of `asOf` last changed: the newest record it is built from, or the
 * start of its day when that is later, since "as of" and the days overdue turn over at midnight UTC.
 */
export const lastChangeOf = (asOf: IsoDate, lastRecorded: string | undefined): Date => {
  const dayStart = `${asOf}T00:00:00.000Z`;
  return new Date(lastRecorded !== undefined && lastRecorded > dayStart ? lastRecorded : dayStart);
};

/** Obligation and due date name the deadline; the scope keeps two narrowed calendars in one app from sharing an event. */
const uidOf = (obligationId: string, dueDate: IsoDate, scope: readonly string[]): string =>
  `deadline-${[obligationId, dueDate, ...scope].join('-')}@sanctions-watch`;

/**
 * The calendar of a status board: one all-day event per obligation on its due date, describing
 * which states still owe it as of the board's instant. Narrowed to `state` when given (within
 * the board's group, if it has one); obligations that apply to none of the states left are not shown.
 */
export const deadlineCalendarOf = (
  board: StatusBoard & { readonly group?: string },
  changedAt: Date,
  state?: MemberState,
): DeadlineCalendar => {
  const scope = [
    ...(board.group === undefined ? [] : [`group-${board.group}`]),
    ...(state ? [`state-${state.alpha2}`] : []),
  ];
  const events = board.obligations.flatMap((column): DeadlineEvent[] => {
    const states = state ? column.states.filter(({ code }) => code === state.alpha2) : column.states;
    const applicable = states.filter(({ status }) => status.status !== 'not-applicable').length;
    if (applicable === 0) return [];
    const { id, title, dueDate } = column.obligation;
    // A duty with no fixed deadline (open-ended, or conditional on a state's trigger) has no day to put in a calendar.
    if (dueDate === undefined) return [];
    return [
      {
        uid: uidOf(id, dueDate, scope),
        dueDate,
        summary: `Deadline: ${title}`,
        description: descriptionOf({ ...column, states }, dueDate, applicable, board.asOf),
      },
    ];
  });
  const narrowedTo = [board.group, state?.name].filter((part) => part !== undefined);
  return {
    name: `sanctions-watch deadlines${narrowedTo.length > 0 ? `: ${narrowedTo.join(', ')}` : ''}`,
    changedAt,
    events,
  };
};

/**
 * `GET /calendar.ics`: the deadlines as of now, from the status board (so the calendar and
 * `GET /status` agree). `group`, `state`, `obligation` and `committee` narrow it, checked as `GET /status`
 * and `GET /alerts` check them; with both `group` and `state`, the state counts only if it is in the group.
 */
export const deadlineCalendar = async (
  query: DeadlineCalendarQuery,
  deps: StandingDependencies & { readonly clock: Clock },
): Promise<DeadlineCalendar> => {
  const state = query.state === undefined ? undefined : findState(query.state, 'state');
  const data = await loadStandingData(deps);
  const board = await statusBoardOf({ obligation: query.obligation, group: query.group }, data, deps);
  const ofCommittee =
    query.committee === undefined
      ? board
      : {
          ...board,
          obligations: board.obligations.filter((column) => column.obligation.committee === query.committee),
        };
  return deadlineCalendarOf(ofCommittee, lastChangeOf(board.asOf, lastRecordedAt(data)), state);
};
