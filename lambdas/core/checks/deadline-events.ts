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
  const memory: CheckerMemory[] = [];

  const check = ({ obligation: { id, title, kind, dueDate }, states }: ObligationColumn): void => {
    const prior = memoryByKey.get(memoryKey(id, dueDate));
    const approaching = [...(prior?.approaching ?? [])];
    const overdue = [...(prior?.overdue ?? [])];
    let passed = prior?.passed ?? false;
    const before = events.length;

    if (today < dueDate) {
      const daysLeft = daysBetween(today, dueDate);
      const threshold = activeThreshold(daysLeft, thresholds);
      // A threshold at or inside one already announced is old news: re-running an earlier day stays quiet.
      if (threshold !== undefined && approaching.every((announced) => announced > threshold)) {
        const pending = states.filter(({ status }) => isStillOwed(status.status));
        events.push(
          alertEvent({
            type: 'deadline.approaching',
            at,
            obligationId: id,
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
        approaching.push(threshold);
      }
    }

    const announced = new Set(overdue);
    for (const { code, status } of states) {
      if (status.status !== 'overdue' || announced.has(code)) continue;
      events.push(
        alertEvent({
          type: 'report.overdue',
          at,
          state: code,
          obligationId: id,
          data: { title, dueDate, daysOverdue: status.daysOverdue, stateName: nameOf.get(code) ?? code },
          dedupKey: dedupKeys.reportOverdue(id, dueDate, code),
        }),
      );
      overdue.push(code);
    }

    if (kind === 'action' && today > dueDate && !passed) {
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
      passed = true;
    }

    // Every event above records itself in memory, so "something was emitted" is "memory changed".
    if (events.length > before)
      memory.push({ obligationId: id, dueDate, approaching, overdue: overdue.sort(), passed });
  };

  board.obligations.forEach(check);
  return { events, memory };
};
