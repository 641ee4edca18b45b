import type { AlertEvent } from '../alerts/alert-event.ts';
import { alertEventId, dedupKeys } from '../alerts/alert-event-id.ts';
import type { Figure } from '../figures/figure.ts';
import { latestRemainingAsOf } from '../status/evaluate-status.ts';
import { isStillOwed } from '../status/obligation-status.ts';
import {
  buildStatusBoard,
  type ObligationColumn,
  type StateStatus,
  type StatusBoardInput,
} from '../status/status-board.ts';
import { daysBetween, type IsoDate } from '../time/calendar-date.ts';

/**
 * What the checker has already announced for one obligation and due date. Keyed by due date
 * too, so moving a deadline starts its announcements afresh.
 */
export interface CheckerMemory {
  readonly obligationId: string;
  readonly dueDate: IsoDate;
  /** Thresholds (days before the deadline) already announced. */
  readonly approaching: readonly number[];
  /** Alpha-2 codes already announced overdue. */
  readonly overdue: readonly string[];
  readonly passed: boolean;
}

/** Days before a deadline at which subscribers hear it is approaching. */
export const DEFAULT_THRESHOLDS: readonly number[] = [30, 7, 1];

/** What the board needs (with `states` being all member states), plus what was announced before. */
export interface DeadlineCheckInput extends StatusBoardInput {
  readonly memory: readonly CheckerMemory[];
  readonly thresholds?: readonly number[];
}

export interface DeadlineCheckResult {
  readonly events: AlertEvent[];
  /** Only the entries that changed, ready to be written back. */
  readonly memory: CheckerMemory[];
}

const memoryKey = (obligationId: string, dueDate: IsoDate): string => `${obligationId}\u0000${dueDate}`;

/**
 * The most urgent threshold the days left fall within. Only this one is announced: a checker
 * that missed the 30-day mark should not send it alongside the 7-day one.
 */
const activeThreshold = (daysLeft: number, thresholds: readonly number[]): number | undefined => {
  const within = thresholds.filter((threshold) => daysLeft <= threshold);
  return within.length > 0 ? Math.min(...within) : undefined;
};

const alertEvent = (fields: Omit<AlertEvent, 'id'>): AlertEvent => ({ id: alertEventId(fields.dedupKey), ...fields });

/**
 * The pure half of the scheduled deadline checker: which deadline alerts are due as of `at`,
 * given what was announced before. The caller stores the events and the changed memory.
 */
export const deriveDeadlineEvents = (input: DeadlineCheckInput): DeadlineCheckResult => {
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const board = buildStatusBoard(input);
  const today = board.asOf;
  const at = board.at;
  const nameOf = new Map(input.states.map((state) => [state.alpha2, state.name]));
  const named = ({ code }: StateStatus) => ({ code, name: nameOf.get(code) ?? code });
  const remainingByState = new Map<string, Figure[]>();
  for (const figure of input.remaining) {
    const list = remainingByState.get(figure.state);
    if (list) list.push(figure);
    else remainingByState.set(figure.state, [figure]);
  }
  const memoryByKey = new Map(input.memory.map((entry) => [memoryKey(entry.obligationId, entry.dueDate), entry]));

  const events: AlertEvent[] = [];

  /** Memory entries this run changed, by obligation and due date: a recurring or conditional duty's states may face different deadlines. */
  const touched = new Map<
    string,
    { approaching: number[]; overdue: string[]; passed: boolean; obligationId: string; dueDate: IsoDate }
  >();
  const entryFor = (obligationId: string, dueDate: IsoDate) => {
    const key = memoryKey(obligationId, dueDate);
    let entry = touched.get(key);
    if (!entry) {
      const prior = memoryByKey.get(key);
      entry = {
        obligationId,
        dueDate,
        approaching: [...(prior?.approaching ?? [])],
        overdue: [...(prior?.overdue ?? [])],
        passed: prior?.passed ?? false,
      };
      touched.set(key, entry);
    }
    return entry;
  };
  const changed = new Set<string>();

  const check = ({ obligation: { id, title, kind, dueDate, committee }, states }: ObligationColumn): void => {
    const ofCommittee = committee === undefined ? {} : { committee };
    if (dueDate !== undefined && today < dueDate) {
      const daysLeft = daysBetween(today, dueDate);
      const threshold = activeThreshold(daysLeft, thresholds);
      const entry = entryFor(id, dueDate);
      // A threshold at or inside one already announced is old news: re-running an earlier day stays quiet.
      if (threshold !== undefined && entry.approaching.every((announced) => announced > threshold)) {
        const pending = states.filter(({ status }) => isStillOwed(status.status));
        events.push(
          alertEvent({
            type: 'deadline.approaching',
            at,
            obligationId: id,
            ...ofCommittee,
            data: {
              title,
              kind,
              dueDate,
              daysLeft,
              threshold,
              pendingCount: pending.length,
              pendingStates: pending.map(named),
            },
            dedupKey: dedupKeys.deadlineApproaching(id, dueDate, threshold),
          }),
        );
        entry.approaching.push(threshold);
        changed.add(memoryKey(id, dueDate));
      }
    }

    for (const state of states) {
      const { code, status, dueDate: stateDue } = state;
      if (status.status !== 'overdue' || stateDue === undefined) continue;
      const entry = entryFor(id, stateDue);
      if (entry.overdue.includes(code)) continue;
      events.push(
        alertEvent({
          type: 'report.overdue',
          at,
          state: code,
          obligationId: id,
          ...ofCommittee,
          data: { title, dueDate: stateDue, daysOverdue: status.daysOverdue, stateName: nameOf.get(code) ?? code },
          dedupKey: dedupKeys.reportOverdue(id, stateDue, code),
        }),
      );
      entry.overdue.push(code);
      changed.add(memoryKey(id, stateDue));
    }

    if (kind === 'action' && dueDate !== undefined && today > dueDate && !entryFor(id, dueDate).passed) {
      const applicable = states.filter(({ status }) => status.status !== 'not-applicable');
      const met = applicable.filter(({ status }) => status.status === 'met').map(named);
      const notMet = applicable
        .filter(({ status }) => status.status !== 'met')
        .map((state) => {
          const figure = latestRemainingAsOf(remainingByState.get(state.code) ?? [], today);
          if (!figure) return named(state);
          const remaining = 'value' in figure ? figure.value : { low: figure.low, high: figure.high };
          return { ...named(state), remaining, asOf: figure.asOf };
        });
      events.push(
        alertEvent({
          type: 'deadline.passed',
          at,
          obligationId: id,
          ...ofCommittee,
          data: {
            title,
            dueDate,
            daysPassed: daysBetween(dueDate, today),
            metCount: met.length,
            met,
            notMetCount: notMet.length,
            notMet,
          },
          dedupKey: dedupKeys.deadlinePassed(id, dueDate),
        }),
      );
      entryFor(id, dueDate).passed = true;
      changed.add(memoryKey(id, dueDate));
    }
  };

  board.obligations.forEach(check);
  // Every event above records itself in memory, so only the entries that gained one are written back.
  const memory: CheckerMemory[] = [...changed].flatMap((key) => {
    const entry = touched.get(key);
    return entry ? [{ ...entry, overdue: entry.overdue.sort() }] : [];
  });
  return { events, memory };
};
