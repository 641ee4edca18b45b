import { lazy } from '../lazy.ts';
import {
  type M49Area,
  type MemberState,
  memberStates,
  type UnRegionalGroupId,
  unRegionalGroupIds,
} from './member-states.ts';

export type GroupKind = 'region' | 'sub-region' | 'intermediate-region' | 'un-regional-group' | 'custom';

export interface Group {
  /** Lowercase slug, see groupIdPattern. */
  readonly id: string;
  readonly name: string;
  readonly kind: GroupKind;
  /** Alpha-2 codes, sorted. */
  readonly members: readonly string[];
  readonly description?: string;
}

export const groupIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isValidGroupId = (id: string): boolean => id.length <= 64 && groupIdPattern.test(id);

/** "South-eastern Asia" → "south-eastern-asia"; accents are dropped so ids stay ASCII. */
export const slugify = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const m49Levels = [
  ['region', (state: MemberState) => state.region],
  ['sub-region', (state: MemberState) => state.subRegion],
  ['intermediate-region', (state: MemberState) => state.intermediateRegion],
] as const;

/**
 * One group per M49 region, sub-region and intermediate region holding a member state, each
 * level sorted by id. M49 reuses no names today, but if a slug is already taken (by a higher
 * level or a reserved id) the area's M49 code is appended rather than letting ids collide.
 */
export const deriveM49Groups = (states: readonly MemberState[], reservedIds: Iterable<string>): Group[] => {
  const taken = new Set(reservedIds);
  return m49Levels.flatMap(([kind, areaOf]) => {
    const areas = new Map<string, { area: M49Area; members: string[] }>();
    for (const state of states) {
      const area = areaOf(state);
      if (!area) continue;
      const entry = areas.get(area.code) ?? { area, members: [] };
      entry.members.push(state.alpha2);
      areas.set(area.code, entry);
    }
    return [...areas.values()]
      .map(({ area, members }) => ({ slug: slugify(area.name), area, members }))
      .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
      .map(({ slug, area, members }): Group => {
        const id = taken.has(slug) ? `${slug}-${area.code}` : slug;
        taken.add(id);
        return { id, name: area.name, kind, members: members.sort() };
      });
  });
};

const unRegionalGroupInfo: Record<UnRegionalGroupId, { name: string; description?: string }> = {
  'african-group': { name: 'African Group' },
  'asia-pacific-group': { name: 'Asia-Pacific Group' },
  'eastern-european-group': { name: 'Eastern European Group' },
  'latin-american-and-caribbean-group': { name: 'Latin American and Caribbean Group' },
  'western-european-and-others-group': {
    name: 'Western European and Others Group',
    description:
      'Includes the United States, which attends as an observer but is counted in this group for electoral purposes.',
  },
};

const unRegionalGroups = (): Group[] =>
  unRegionalGroupIds.map((id) => ({
    id,
    kind: 'un-regional-group',
    ...unRegionalGroupInfo[id],
    members: memberStates()
      .filter((state) => state.unRegionalGroup === id)
      .map((state) => state.alpha2)
      .sort(),
  }));

/** Regions, sub-regions, intermediate regions, then the UN regional groups; derived on first use, not at every cold start. */
export const builtInGroups: () => readonly Group[] = /* @__PURE__ */ lazy(() => [
  ...deriveM49Groups(memberStates(), unRegionalGroupIds),
  ...unRegionalGroups(),
]);

const byId = /* @__PURE__ */ lazy(() => new Map(builtInGroups().map((group) => [group.id, group])));

export const findBuiltInGroup = (id: string): Group | undefined => byId().get(id);

/** Built-in groups that contain the state with this alpha-2 code, in builtInGroups order. */
export const groupsOfState = (alpha2: string): Group[] =>
  builtInGroups().filter((group) => group.members.includes(alpha2));
