import { compareNames } from '../compare-names.ts';
import { invalidInput } from '../errors.ts';
import type { Figure, Metric } from '../figures/figure.ts';
import type { Clock } from '../ports/clock.ts';
import type { MetricCatalogue } from '../ports/stores.ts';
import { findBuiltInGroup } from '../reference/groups.ts';
import { byStateName } from '../reference/state-names.ts';
import { MAX_HISTORY_DAYS } from '../status/reporting-history.ts';
import { type ReportingHistory, reportingHistoryOf } from '../status/reporting-history-query.ts';
import type { StandingDependencies } from '../status/standing-data.ts';
import type { ObligationColumn, OverdueState, StatusBoard } from '../status/status-board.ts';
import { type StatusBoardQuery, statusBoard, unknownObligation } from '../status/status-board-query.ts';
import { addDays, type IsoDate } from '../time/calendar-date.ts';

/** How the overdue list is ordered: most days overdue first (`-days`, the default), fewest first, or by name. */
export const overdueSorts = ['-days', 'days', 'name'] as const;
export type OverdueSort = (typeof overdueSorts)[number];

export interface BoardPageQuery extends StatusBoardQuery {
  readonly sort?: OverdueSort;
  /** Only this regime's obligations, e.g. `dprk`. */
  readonly regime?: string;
}

export interface BoardPageDependencies extends StandingDependencies {
  readonly clock: Clock;
  readonly metrics: MetricCatalogue;
}

/** What `GET /board` shows: one obligation's column of the status board, and the latest figures of the states on it. */
export interface BoardPage {
  readonly asOf: IsoDate;
  /** The obligation shown, its overdue list in the order asked for. */
  readonly column: ObligationColumn;
  /** Every obligation in the catalogue (of the regime picked), earliest deadline first, to choose another. */
  readonly obligations: readonly ObligationColumn['obligation'][];
  readonly regime?: string;
  /** Every regime the catalogue names, for the picker. */
  readonly regimes: readonly string[];
  readonly group?: string;
  /** The group's name, an admin's group included (one marked as an illustration says so in its name). */
  readonly groupName?: string;
  readonly sort: OverdueSort;
  /** The latest figure of each metric of each state shown, by state name, then metric. */
  readonly figures: readonly Figure[];
  readonly metrics: readonly Metric[];
  /** For a report obligation, the dated counts from four months before its deadline to the day shown. */
  readonly history?: ReportingHistory;
}

/** The chart starts four months before the deadline, when reports begin to come in, and spans at most what one request may ask. */
const historyRange = (dueDate: IsoDate, asOf: IsoDate): { from: IsoDate; to: IsoDate } | undefined => {
  const earliest = addDays(asOf, -(MAX_HISTORY_DAYS - 1));
  const start = addDays(dueDate, -120);
  const from = start > earliest ? start : earliest;
  return from <= asOf ? { from, to: asOf } : undefined;
};

/**
 * Without `?obligation=`, the board shows the obligation whose deadline comes next as of the day
 * shown (on the day itself included), or, once all have passed, the one that passed last: the
 * deadline people are watching. A duty with no fixed deadline is the default only when no other is there.
 */
export const defaultColumn = (board: StatusBoard): ObligationColumn | undefined => {
  const dated = board.obligations.filter((column) => column.obligation.dueDate !== undefined);
  return (
    dated.find((column) => (column.obligation.dueDate ?? '') >= board.asOf) ?? dated.at(-1) ?? board.obligations.at(-1)
  );
};

const overdueOrder: Readonly<Record<OverdueSort, (a: OverdueState, b: OverdueState) => number>> = {
  '-days': (a, b) => b.daysOverdue - a.daysOverdue || compareNames(a.name, b.name),
  days: (a, b) => a.daysOverdue - b.daysOverdue || compareNames(a.name, b.name),
  name: (a, b) => compareNames(a.name, b.name),
};

/** The status board of one obligation, with the latest figures: one Query per metric of the catalogue for the figures. */
export const boardPage = async (query: BoardPageQuery, deps: BoardPageDependencies): Promise<BoardPage> => {
  const latestFigures = async (): Promise<{ metrics: Metric[]; figures: Figure[] }> => {
    const metrics = await deps.metrics.list();
    const figures = await Promise.all(metrics.map((metric) => deps.stateRecords.latestFiguresFor(metric.id)));
    return { metrics, figures: figures.flat() };
  };
  // Every obligation's column is computed (a few hundred evaluations), so the page can offer the others.
  const [board, { metrics, figures }] = await Promise.all([
    statusBoard({ asOf: query.asOf, group: query.group }, deps),
    latestFigures(),
  ]);
  const regimes = [
    ...new Set(
      board.obligations.flatMap(({ obligation }) => (obligation.regime === undefined ? [] : [obligation.regime])),
    ),
  ].sort();
  const offered =
    query.regime === undefined
      ? board
      : { ...board, obligations: board.obligations.filter((c) => c.obligation.regime === query.regime) };
  if (offered.obligations.length === 0)
    throw invalidInput('regime', `No obligation of the regime "${query.regime ?? ''}"; GET /obligations lists them`);
  const chosen =
    query.obligation === undefined
      ? defaultColumn(offered)
      : offered.obligations.find((column) => column.obligation.id === query.obligation);
  if (!chosen) throw unknownObligation(query.obligation ?? '');
  const sort = query.sort ?? '-days';
  const { kind, dueDate } = chosen.obligation;
  const range = kind === 'report' && dueDate !== undefined ? historyRange(dueDate, board.asOf) : undefined;
  const groupName =
    board.group === undefined
      ? undefined
      : (findBuiltInGroup(board.group)?.name ?? (await deps.customGroups.get(board.group))?.name ?? board.group);
  const history = range && (await reportingHistoryOf(chosen.obligation.id, { ...range, group: board.group }, deps));
  const shown = new Set(chosen.states.map((state) => state.code));
  return {
    asOf: board.asOf,
    column: { ...chosen, overdue: [...chosen.overdue].sort(overdueOrder[sort]) },
    obligations: offered.obligations.map((column) => column.obligation),
    ...(query.regime === undefined ? {} : { regime: query.regime }),
    regimes,
    ...(board.group === undefined ? {} : { group: board.group, groupName: groupName ?? board.group }),
    sort,
    figures: figures
      .filter((figure) => shown.has(figure.state))
      .sort((a, b) => byStateName(a.state, b.state) || compareNames(a.metric, b.metric)),
    metrics,
    ...(history ? { history } : {}),
  };
};
