import { builtInGroups, type Group } from './groups.ts';

/**
 * Which groups, built-in and admins', each state belongs to, computed once per request so that
 * applicability checks over 193 states × N obligations are map lookups.
 */
export const groupMembership = (customGroups: readonly Group[]): ((alpha2: string) => ReadonlySet<string>) => {
  const byState = new Map<string, Set<string>>();
  for (const group of [...builtInGroups(), ...customGroups]) {
    for (const member of group.members) {
      const ids = byState.get(member) ?? new Set<string>();
      ids.add(group.id);
      byState.set(member, ids);
    }
  }
  const none: ReadonlySet<string> = new Set();
  return (alpha2) => byState.get(alpha2) ?? none;
};
