import { compareNames } from '../compare-names.ts';
import type { Figure } from '../figures/figure.ts';
import { byDeadline, type Obligation } from '../obligations/obligation.ts';
import { type DueType, dueDateOfCycle, nextDueOnOrAfter } from '../obligations/obligation-due.ts';
import type { Trigger } from '../obligations/trigger.ts';
import type { MemberState } from '../reference/member-states.ts';
import type { Report } from '../reports/report.ts';
import { type IsoDate, utcDateOf } from '../time/calendar-date.ts';
import { evaluateStanding } from './evaluate-status.ts';
import { type ObligationStatus, type ObligationStatusName, obligationStatusNames } from './obligation-status.ts';

export interface StatusBoardInput {
  readonly at: Date;
  readonly obligations: readonly Obligation[];
  /** The states to show, already narrowed to the requested group. */
  readonly states: readonly MemberState[];
  /** Built-in and custom groups containing the state: decides group-scoped applicability. */
  readonly groupIdsOfState: (alpha2: string) => ReadonlySet<string>;
  /** All states, all obligations. */
  readonly reports: readonly Report[];
  /** The latest `workers.remaining` figure per state (a history works too). */
  readonly remaining: readonly Figure[];
  /** The conditional duties' triggers admins recorded, all states (none: no conditional duty is owed). */
  readonly triggers?: readonly Trigger[];
  readonly warningDays?: number;
}

export interface StateStatus {
  readonly code: string;
  readonly status: ObligationStatus;
  /** The deadline this state's status is measured against: its own for recurring and conditional duties. */
  readonly dueDate?: IsoDate;
}

export interface OverdueState {
  readonly code: string;
  readonly name: string;
  readonly daysOverdue: number;
}

export interface ObligationColumn {
  /** `dueDate`: the obligation's next deadline as of the board's day (the last when all have passed); none without fixed ones. */
  readonly obligation: Pick<
    Obligation,
    'id' | 'title' | 'kind' | 'dueDate' | 'resolution' | 'paragraph' | 'committee' | 'regime'
  > & {
    readonly due: DueType;
    /** Present, false, when the service keeps no record of the states' reports on this duty. */
    readonly reportsRecorded?: false;
  };
  /** Every status name, 0 where no state has it, so clients need no defaults. */
  readonly counts: Record<ObligationStatusName, number>;
  /** Longest overdue first, then by name. */
  readonly overdue: OverdueState[];
  /** In the order of the states given. */
  readonly states: StateStatus[];
}

export interface StatusBoard {
  /** The UTC day the board describes. */
  readonly asOf: IsoDate;
  /** The instant it was computed for. */
  readonly at: string;
  /** Earliest deadline first, ties by id. */
  readonly obligations: ObligationColumn[];
}

const reportKey = (state: string, obligationId: string): string => `${state}\u0000${obligationId}`;

/** Groups items into lists by key in one pass, so lookups per state stay constant-time. */
const indexBy = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> => {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = index.get(key);
    if (list) list.push(item);
    else index.set(key, [item]);
  }
  return index;
};

const zeroCounts = (): Record<ObligationStatusName, number> =>
  Object.fromEntries(obligationStatusNames.map((name) => [name, 0])) as Record<ObligationStatusName, number>;

const byLongestOverdue = (a: OverdueState, b: OverdueState): number =>
  b.daysOverdue - a.daysOverdue || compareNames(a.name, b.name);

/** The deadline a column shows: a recurring duty's next one on or after `today`, else its last known. */
const columnDueDate = (obligation: Obligation, today: IsoDate): IsoDate | undefined => {
  if (obligation.due.type !== 'recurring') return obligation.dueDate;
  const next = nextDueOnOrAfter(obligation.due, obligation.adoptedOn, today);
  if (next) return next.dueDate;
  let last = obligation.dueDate;
  for (let cycle = 1; ; cycle++) {
    const dueDate = dueDateOfCycle(obligation.due, obligation.adoptedOn, cycle);
    if (dueDate === undefined) return last;
    last = dueDate;
  }
};

/** Every given state's status on every obligation, with counts and the overdue list per obligation. */
export const buildStatusBoard = (input: StatusBoardInput): StatusBoard => {
  const reportsByStateAndObligation = indexBy(input.reports, (report) => reportKey(report.state, report.obligationId));
  const triggerOf = new Map(
    (input.triggers ?? []).map((trigger) => [reportKey(trigger.state, trigger.obligationId), trigger.on]),
  );
  const today = utcDateOf(input.at);
  const remainingByState = indexBy(input.remaining, (figure) => figure.state);
  // Group membership may cost a lookup per call; ask once per state, not once per cell.
  const groupIds = new Map(input.states.map((state) => [state.alpha2, input.groupIdsOfState(state.alpha2)]));
  const applies = (obligation: Obligation, alpha2: string): boolean =>
    obligation.appliesTo.scope === 'all' || (groupIds.get(alpha2)?.has(obligation.appliesTo.groupId) ?? false);

  const column = (obligation: Obligation): ObligationColumn => {
    const counts = zeroCounts();
    const overdue: OverdueState[] = [];
    const states = input.states.map((state): StateStatus => {
      const triggeredOn = triggerOf.get(reportKey(state.alpha2, obligation.id));
      const { status, dueDate } = evaluateStanding({
        obligation,
        applies: applies(obligation, state.alpha2),
        reports: reportsByStateAndObligation.get(reportKey(state.alpha2, obligation.id)) ?? [],
        remaining: remainingByState.get(state.alpha2) ?? [],
        at: input.at,
        warningDays: input.warningDays,
        ...(triggeredOn === undefined ? {} : { triggeredOn }),
      });
      counts[status.status] += 1;
      if (status.status === 'overdue')
        overdue.push({ code: state.alpha2, name: state.name, daysOverdue: status.daysOverdue });
      return dueDate === undefined ? { code: state.alpha2, status } : { code: state.alpha2, status, dueDate };
    });
    const { id, title, kind, resolution, paragraph, committee, regime } = obligation;
    const dueDate = columnDueDate(obligation, today);
    return {
      obligation: {
        id,
        title,
        kind,
        resolution,
        paragraph,
        due: obligation.due.type,
        ...(dueDate === undefined ? {} : { dueDate }),
        ...(committee === undefined ? {} : { committee }),
        ...(regime === undefined ? {} : { regime }),
        ...(obligation.reportsRecorded === false ? { reportsRecorded: false as const } : {}),
      },
      counts,
      overdue: overdue.sort(byLongestOverdue),
      states,
    };
  };

  return {
    asOf: utcDateOf(input.at),
    at: input.at.toISOString(),
    obligations: input.obligations.map(column).sort((a, b) => byDeadline(a.obligation, b.obligation)),
  };
};
