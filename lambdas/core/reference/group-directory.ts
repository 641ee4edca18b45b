import { conflict, invalidInput, notFound } from '../errors.ts';
import type { CustomGroupStore } from '../ports/stores.ts';
import { builtInGroups, findBuiltInGroup, type Group, isValidGroupId } from './groups.ts';
import { findMemberState } from './member-states.ts';

export interface GroupSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: Group['kind'];
  readonly memberCount: number;
  readonly description?: string;
}

export interface GroupDetail extends GroupSummary {
  readonly members: readonly { readonly code: string; readonly name: string }[];
}

const summarize = (group: Group): GroupSummary => ({
  id: group.id,
  name: group.name,
  kind: group.kind,
  memberCount: group.members.length,
  ...(group.description === undefined ? {} : { description: group.description }),
});

/** Built-in groups first (in their defined order), then admins' groups by id. */
export const listGroups = async (customGroups: CustomGroupStore): Promise<GroupSummary[]> => {
  const custom = await customGroups.list();
  return [...builtInGroups(), ...custom.sort((a, b) => a.id.localeCompare(b.id))].map(summarize);
};

/** A group by id: built-in, else an admin's. Only `get` is needed, so an already loaded list can stand in for the store. */
export const findGroup = async (
  rawId: string,
  customGroups: Pick<CustomGroupStore, 'get'>,
  field = 'id',
): Promise<Group> => {
  if (!isValidGroupId(rawId)) {
    throw invalidInput(field, `"${rawId}" is not a group id: use a lowercase slug such as "africa"`);
  }
  const group = findBuiltInGroup(rawId) ?? (await customGroups.get(rawId));
  if (!group) throw notFound('group-not-found', `No group "${rawId}"; GET /groups lists them`, field);
  return group;
};

export const describeGroup = async (rawId: string, customGroups: CustomGroupStore): Promise<GroupDetail> => {
  const group = await findGroup(rawId, customGroups);
  return {
    ...summarize(group),
    members: group.members.map((code) => ({ code, name: findMemberState(code)?.name ?? code })),
  };
};

/** Validates an admin's group and stores it; ids of built-in groups are reserved. */
export const createCustomGroup = async (group: Group, customGroups: CustomGroupStore): Promise<void> => {
  if (!isValidGroupId(group.id)) throw invalidInput('id', `"${group.id}" is not a lowercase slug`);
  if (findBuiltInGroup(group.id)) throw conflict('group-exists', `"${group.id}" is a built-in group`, 'id');
  const unknown = group.members.filter((code) => findMemberState(code)?.alpha2 !== code);
  if (unknown.length > 0) {
    throw invalidInput('members', `Not UN member states (use alpha-2 codes): ${unknown.join(', ')}`);
  }
  await customGroups.create({ ...group, kind: 'custom', members: [...new Set(group.members)].sort() });
};
