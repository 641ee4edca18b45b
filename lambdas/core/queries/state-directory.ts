import { invalidInput, notFound } from '../errors.ts';
import { byDeadline, type Obligation } from '../obligations/obligation.ts';
import type { CustomGroupStore, ObligationCatalogue } from '../ports.ts';
import { groupsOfState, type Group } from '../reference/groups.ts';
import { memberStates, parseStateCode, type MemberState } from '../reference/member-states.ts';
import { findGroup, type GroupSummary } from './group-directory.ts';

export interface StateProfile {
  readonly state: MemberState;
  readonly groups: readonly Pick<GroupSummary, 'id' | 'name' | 'kind'>[];
  readonly obligations: readonly Pick<Obligation, 'id' | 'resolution' | 'paragraph' | 'title' | 'kind' | 'dueDate'>[];
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

/** All 193 member states, or the members of one group. */
export const listStates = async (
  groupId: string | undefined,
  customGroups: CustomGroupStore,
): Promise<readonly MemberState[]> => {
  if (groupId === undefined) return memberStates;
  const members = new Set((await findGroup(groupId, customGroups, 'group')).members);
  return memberStates.filter((state) => members.has(state.alpha2));
};

const appliesTo = (obligation: Obligation, groupIds: ReadonlySet<string>): boolean =>
  obligation.appliesTo.scope === 'all' || groupIds.has(obligation.appliesTo.groupId);

export const describeState = async (
  rawCode: string,
  deps: { readonly customGroups: CustomGroupStore; readonly obligations: ObligationCatalogue },
): Promise<StateProfile> => {
  const state = findState(rawCode);
  const [custom, obligations] = await Promise.all([deps.customGroups.list(), deps.obligations.list()]);
  const groups: Group[] = [...groupsOfState(state.alpha2), ...custom.filter((g) => g.members.includes(state.alpha2))];
  const groupIds = new Set(groups.map((group) => group.id));
  return {
    state,
    groups: groups.map(({ id, name, kind }) => ({ id, name, kind })),
    obligations: obligations
      .filter((obligation) => appliesTo(obligation, groupIds))
      .sort(byDeadline)
      .map(({ id, resolution, paragraph, title, kind, dueDate }) => ({ id, resolution, paragraph, title, kind, dueDate })),
  };
};
