import { invalidInput } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import { findGroup } from '../reference/group-directory.ts';
import { memberStates } from '../reference/member-states.ts';
import { endOfUtcDay, type IsoDate } from '../time/calendar-date.ts';
import { loadStandingData, type StandingData, type StandingDependencies } from './standing-data.ts';
import { buildStatusBoard, type StatusBoard } from './status-board.ts';

export interface StatusBoardQuery {
  /** The day to evaluate (its last instant); now when absent. */
  readonly asOf?: IsoDate;
  readonly obligation?: string;
  readonly group?: string;
}

/** The answer to an obligation id the catalogue does not hold. */
export const unknownObligation = (id: string) =>
  invalidInput('obligation', `Unknown obligation "${id}"; GET /obligations lists them`);

/** `GET /status`: per obligation, counts by status and the overdue states, for all states or one group. */
export const statusBoard = async (
  query: StatusBoardQuery,
  deps: StandingDependencies & { readonly clock: Clock },
): Promise<StatusBoard & { readonly group?: string }> => statusBoardOf(query, await loadStandingData(deps), deps);

/** The board of standing data already loaded, for a caller that needs more from the data than the board. */
export const statusBoardOf = async (
  query: StatusBoardQuery,
  data: StandingData,
  deps: { readonly clock: Clock },
): Promise<StatusBoard & { readonly group?: string }> => {
  // The admins' groups are in `data` already: look the group up there rather than read it again.
  const loadedGroups = { get: async (id: string) => data.customGroups.find((custom) => custom.id === id) };
  const group = query.group === undefined ? undefined : await findGroup(query.group, loadedGroups, 'group');
  const obligations =
    query.obligation === undefined ? data.obligations : data.obligations.filter((o) => o.id === query.obligation);
  if (obligations.length === 0) throw unknownObligation(query.obligation ?? '');
  const members = group && new Set(group.members);
  const board = buildStatusBoard({
    ...data,
    at: query.asOf === undefined ? deps.clock.now() : endOfUtcDay(query.asOf),
    obligations,
    states: members ? memberStates().filter((state) => members.has(state.alpha2)) : memberStates(),
  });
  return group ? { group: group.id, ...board } : board;
};
