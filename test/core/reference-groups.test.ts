import { describe, expect, it } from 'vitest';
import {
  builtInGroups,
  deriveM49Groups,
  findBuiltInGroup,
  groupsOfState,
  isValidGroupId,
  slugify,
} from '../../lambdas/core/reference/groups.ts';
import { type MemberState, memberStates } from '../../lambdas/core/reference/member-states.ts';

const members = (id: string): readonly string[] => findBuiltInGroup(id)?.members ?? [];
const ids = (groups: readonly { id: string }[]): string[] => groups.map((group) => group.id);

describe('built-in groups', () => {
  it('have unique, valid ids and sorted member-state members', () => {
    expect(new Set(ids(builtInGroups())).size).toBe(builtInGroups().length);
    for (const group of builtInGroups()) {
      expect(isValidGroupId(group.id), group.id).toBe(true);
      expect(group.members.length).toBeGreaterThan(0);
      expect(group.members).toEqual([...group.members].sort());
      expect(group.members.every((code) => memberStates().some((state) => state.alpha2 === code))).toBe(true);
    }
  });

  it('include the five M49 regions, which partition the members', () => {
    const regions = builtInGroups().filter((group) => group.kind === 'region');
    expect(ids(regions)).toEqual(['africa', 'americas', 'asia', 'europe', 'oceania']);
    expect(regions.flatMap((group) => group.members).sort()).toEqual(memberStates().map((state) => state.alpha2));
  });

  it('count 54 states in africa', () => {
    expect(members('africa')).toHaveLength(54);
    expect(members('africa')).toEqual(expect.arrayContaining(['GQ', 'NG', 'UG', 'ZA']));
  });

  it('include sub-regions and intermediate regions by slug', () => {
    expect(findBuiltInGroup('sub-saharan-africa')?.kind).toBe('sub-region');
    expect(findBuiltInGroup('northern-africa')?.kind).toBe('sub-region');
    expect(findBuiltInGroup('latin-america-and-the-caribbean')?.kind).toBe('sub-region');
    expect(findBuiltInGroup('northern-america')?.members).toEqual(['CA', 'US']);
    expect(findBuiltInGroup('south-eastern-asia')?.name).toBe('South-eastern Asia');
    expect(findBuiltInGroup('western-africa')).toMatchObject({ kind: 'intermediate-region', name: 'Western Africa' });
    expect(members('western-africa')).toContain('NG');
  });

  it('partition the members into the five UN regional groups', () => {
    const groups = builtInGroups().filter((group) => group.kind === 'un-regional-group');
    expect(Object.fromEntries(groups.map((group) => [group.id, group.members.length]))).toEqual({
      'african-group': 54,
      'asia-pacific-group': 54,
      'eastern-european-group': 23,
      'latin-american-and-caribbean-group': 33,
      'western-european-and-others-group': 29,
    });
    expect(groups.flatMap((group) => group.members).sort()).toEqual(memberStates().map((state) => state.alpha2));
    expect(members('western-european-and-others-group')).toContain('US');
    expect(findBuiltInGroup('western-european-and-others-group')?.description).toMatch(/United States/);
  });

  it('find nothing for unknown ids', () => {
    expect(findBuiltInGroup('atlantis')).toBeUndefined();
  });
});

describe('groupsOfState', () => {
  it('puts Russia in europe, eastern-europe and the Eastern European Group', () => {
    expect(ids(groupsOfState('RU'))).toEqual(['europe', 'eastern-europe', 'eastern-european-group']);
  });

  it('puts China in asia, eastern-asia and the Asia-Pacific Group', () => {
    expect(ids(groupsOfState('CN'))).toEqual(['asia', 'eastern-asia', 'asia-pacific-group']);
  });

  it('includes the intermediate region where there is one', () => {
    expect(ids(groupsOfState('NG'))).toEqual(['africa', 'sub-saharan-africa', 'western-africa', 'african-group']);
  });

  it('returns nothing for a non-member', () => {
    expect(groupsOfState('VA')).toEqual([]);
  });
});

describe('group ids', () => {
  it.each(['africa', 'g7', 'sub-saharan-africa', 'a'.repeat(64)])('accepts %j', (id) => {
    expect(isValidGroupId(id)).toBe(true);
  });

  it.each(['', 'Africa', 'sub_saharan', '-africa', 'africa-', 'a--b', 'a b', 'a'.repeat(65)])('rejects %j', (id) => {
    expect(isValidGroupId(id)).toBe(false);
  });

  it('slugify drops accents and punctuation', () => {
    expect(slugify('South-eastern Asia')).toBe('south-eastern-asia');
    expect(slugify("Côte d'Ivoire")).toBe('cote-d-ivoire');
  });

  it('disambiguates an M49 name reused at another level or reserved', () => {
    const area = (code: string, name: string) => ({ code, name });
    const state = (alpha2: string, subRegion: string): MemberState => ({
      alpha2,
      alpha3: `${alpha2}X`,
      m49: '999',
      name: alpha2,
      region: area('100', 'Africa'),
      subRegion: area(subRegion, 'Africa'),
      intermediateRegion: area('300', 'African Group'),
      unRegionalGroup: 'african-group',
    });
    const groups = deriveM49Groups([state('BB', '200'), state('AA', '200')], ['african-group']);
    expect(groups.map(({ id, kind, members: codes }) => [id, kind, codes])).toEqual([
      ['africa', 'region', ['AA', 'BB']],
      ['africa-200', 'sub-region', ['AA', 'BB']],
      ['african-group-300', 'intermediate-region', ['AA', 'BB']],
    ]);
  });
});
