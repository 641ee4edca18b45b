import { WORLD } from '../../contracts/world.ts';
import { invalidInput, notFound } from '../errors.ts';
import type { Figure } from '../figures/figure.ts';
import type { Clock } from '../ports/clock.ts';
import type { CustomGroupStore, ObligationCatalogue, StateRecords } from '../ports/stores.ts';
import { findGroup, type GroupSummary } from '../reference/group-directory.ts';
import { type Group, groupsOfState } from '../reference/groups.ts';
import { type MemberState, memberStates, parseStateCode } from '../reference/member-states.ts';
import type { Report } from '../reports/report.ts';
import { endOfUtcDay, type IsoDate } from '../time/calendar-date.ts';
import type { ObligationStatus } from './obligation-status.ts';
import { buildStatusBoard, type ObligationColumn } from './status-board.ts';

export interface StateProfile {
  readonly state: MemberState;
  /** As of when the statuses were evaluated. */
  readonly asOf: IsoDate;
  readonly groups: readonly Pick<GroupSummary, 'id' | 'name' | 'kind'>[];
  /** Obligations on this state, earliest deadline first, each with its status and the reports. */
  readonly obligations: readonly (ObligationColumn['obligation'] &
    ObligationStatus & { readonly reports: readonly Report[] })[];
  /** The latest figure of every metric reported for this state. */
  readonly figures: readonly Figure[];
}

/** Resolves a path's state code (alpha-2 or alpha-3, any case) or says exactly what is wrong. */
export const findState = (rawCode: string, field = 'code'): MemberState => {
  const parsed = parseStateCode(rawCode);
  if (parsed.ok) return parsed.state;
  if (parsed.reason === 'malformed') {
    throw invalidInput(field, `"${rawCode}" is not a state code: use ISO 3166-1 alpha-2 or alpha-3, e.g. RU or RUS`);
  }
  throw notFound('state-not-found', parsed.message, field);
};

/** The subject of a figure path's `{code}`: a member state (alpha-2 or alpha-3, any case), or `world`. */
export const findFigureSubject = (rawCode: string, field = 'code'): string =>
  rawCode.toLowerCase() === WORLD ? WORLD : findState(rawCode, field).alpha2;

/** All 193 member states, or the members of one group. */
export const listStates = async (
  groupId: string | undefined,
  customGroups: CustomGroupStore,
): Promise<readonly MemberState[]> => {
  if (groupId === undefined) return memberStates();
  const members = new Set((await findGroup(groupId, customGroups, 'group')).members);
  return memberStates().filter((state) => members.has(state.alpha2));
};

export interface StateProfileDependencies {
  readonly clock: Clock;
  readonly customGroups: CustomGroupStore;
  readonly obligations: ObligationCatalogue;
  readonly stateRecords: StateRecords;
}

/** `GET /states/{code}`: the state, its groups, where it stands on each obligation, its latest figures. */
export const describeState = async (
  rawCode: string,
  asOf: IsoDate | undefined,
  deps: StateProfileDependencies,
): Promise<StateProfile> => {
  const state = findState(rawCode);
  const [custom, obligations, reports, figures] = await Promise.all([
    deps.customGroups.list(),
    deps.obligations.list(),
    deps.stateRecords.reportsOf(state.alpha2),
    deps.stateRecords.latestFiguresOf(state.alpha2),
  ]);
  const groups: Group[] = [...groupsOfState(state.alpha2), ...custom.filter((g) => g.members.includes(state.alpha2))];
  const groupIds: ReadonlySet<string> = new Set(groups.map((group) => group.id));
  const at = asOf === undefined ? deps.clock.now() : endOfUtcDay(asOf);
  const board = buildStatusBoard({
    at,
    obligations,
    states: [state],
    groupIdsOfState: () => groupIds,
    reports,
    remaining: figures,
  });
  return {
    state,
    asOf: board.asOf,
    groups: groups.map(({ id, name, kind }) => ({ id, name, kind })),
    obligations: board.obligations.flatMap(({ obligation, states: [standing] }) =>
      !standing || standing.status.status === 'not-applicable'
        ? []
        : [
            {
              ...obligation,
              // The state's own deadline: a recurring duty's current cycle, a conditional one's from its trigger.
              ...(standing.dueDate === undefined ? {} : { dueDate: standing.dueDate }),
              ...standing.status,
              reports: reports.filter((report) => report.obligationId === obligation.id),
            },
          ],
    ),
    figures,
  };
};
