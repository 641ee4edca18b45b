import { invalidInput, notFound } from '../errors.ts';
import { findGroup } from '../reference/group-directory.ts';
import { memberStates } from '../reference/member-states.ts';
import { daysBetween, type IsoDate } from '../time/calendar-date.ts';
import { type HistoryDay, MAX_HISTORY_DAYS, reportingHistory } from './reporting-history.ts';
import { loadStandingData, type StandingDependencies } from './standing-data.ts';

export interface ReportingHistoryQuery {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly group?: string;
}

export interface ReportingHistory {
  readonly obligationId: string;
  /** None for an open-ended duty, which is never overdue. */
  readonly dueDate?: IsoDate;
  readonly group?: string;
  /** How many states are counted: those the obligation applies to, in the group if one was asked for. */
  readonly states: number;
  readonly days: HistoryDay[];
}

/** `GET /obligations/{id}/history`: day by day, how many states had reported and how many were overdue. */
export const reportingHistoryOf = async (
  obligationId: string,
  query: ReportingHistoryQuery,
  deps: StandingDependencies,
): Promise<ReportingHistory> => {
  if (query.from > query.to) throw invalidInput('to', `${query.to} is before from (${query.from})`);
  if (daysBetween(query.from, query.to) >= MAX_HISTORY_DAYS)
    throw invalidInput('to', `A history covers at most ${MAX_HISTORY_DAYS} days; ask for a shorter range`);
  const data = await loadStandingData(deps);
  const obligation = data.obligations.find((candidate) => candidate.id === obligationId);
  if (!obligation)
    throw notFound('obligation-not-found', `No obligation "${obligationId}"; GET /obligations lists them`, 'id');
  if (obligation.kind !== 'report')
    throw invalidInput('id', `${obligation.id} is an action, not a report: it has no reports to count`);
  const loadedGroups = { get: async (id: string) => data.customGroups.find((custom) => custom.id === id) };
  const group = query.group === undefined ? undefined : await findGroup(query.group, loadedGroups, 'group');
  const members = group && new Set(group.members);
  const states = memberStates()
    .map((state) => state.alpha2)
    .filter((alpha2) => !members || members.has(alpha2));
  const { appliesTo } = obligation;
  const applies = (alpha2: string): boolean =>
    appliesTo.scope === 'all' || data.groupIdsOfState(alpha2).has(appliesTo.groupId);
  return {
    obligationId: obligation.id,
    ...(obligation.dueDate === undefined ? {} : { dueDate: obligation.dueDate }),
    ...(group ? { group: group.id } : {}),
    states: states.filter(applies).length,
    days: reportingHistory({ obligation, states, applies, reports: data.reports, from: query.from, to: query.to }),
  };
};
