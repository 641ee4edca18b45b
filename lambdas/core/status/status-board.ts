import { compareNames } from '../compare-names.ts';
import type { Figure } from '../figures/figure.ts';
import { byDeadline, type Obligation } from '../obligations/obligation.ts';
import type { MemberState } from '../reference/member-states.ts';
import type { Report } from '../reports/report.ts';
import { type IsoDate, utcDateOf } from '../time/calendar-date.ts';
import { evaluateStatus } from './evaluate-status.ts';
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
  readonly warningDays?: number;
}

export interface StateStatus {
  readonly code: string;
  readonly status: ObligationStatus;
}

export interface OverdueState {
  readonly code: string;
  readonly name: string;
  readonly daysOverdue: number;
}

export interface ObligationColumn {
  readonly obligation: Pick<Obligation, 'id' | 'title' | 'kind' | 'dueDate' | 'resolution' | 'paragraph'>;
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

/** Every given state's status on every obligation, with counts and the overdue list per obligation. */
export const buildStatusBoard = (input: StatusBoardInput): StatusBoard => {
  const reportsByStateAndObligation = indexBy(input.reports, (report) => reportKey(report.state, report.obligationId));
  const remainingByState = indexBy(input.remaining, (figure) => figure.state);
  // Group membership may cost a lookup per call; ask once per state, not once per cell.
  const groupIds = new Map(input.states.map((state) => [state.alpha2, input.groupIdsOfState(state.alpha2)]));
  const applies = (obligation: Obligation, alpha2: string): boolean =>
    obligation.appliesTo.scope === 'all' || (groupIds.get(alpha2)?.has(obligation.appliesTo.groupId) ?? false);

  const column = (obligation: Obligation): ObligationColumn => {
    const counts = zeroCounts();
    const overdue: OverdueState[] = [];
    const states = input.states.map((state): StateStatus => {
      const status = evaluateStatus({
        obligation,
        applies: applies(obligation, state.alpha2),
        reports: reportsByStateAndObligation.get(reportKey(state.alpha2, obligation.id)) ?? [],
        remaining: remainingByState.get(state.alpha2) ?? [],
        at: input.at,
        warningDays: input.warningDays,
      });
      counts[status.status] += 1;
      if (status.status === 'overdue')
        overdue.push({ code: state.alpha2, name: state.name, daysOverdue: status.daysOverdue });
      return { code: state.alpha2, status };
    });
    const { id, title, kind, dueDate, resolution, paragraph } = obligation;
    return {
      obligation: { id, title, kind, dueDate, resolution, paragraph },
      counts,
      overdue: overdue.sort(byLongestOverdue),
      states,
    };
  };

  return {
    asOf: utcDateOf(input.at),
    at: input.at.toISOString(),
    obligations: [...input.obligations].sort(byDeadline).map(column),
  };
};
