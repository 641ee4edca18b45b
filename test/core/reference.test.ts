import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMemberState, memberStates, parseStateCode } from '../../lambdas/core/reference/member-states.ts';
import { buildMemberStates, dataModuleUrl, renderMemberStatesModule } from '../../scripts/member-states-source.ts';

describe('member states', () => {
  it('lists exactly the 193 UN member states, sorted by alpha-2', () => {
    expect(memberStates()).toHaveLength(193);
    const codes = memberStates().map((state) => state.alpha2);
    expect(codes).toEqual([...codes].sort());
  });

  it('has unique, well-formed codes', () => {
    for (const key of ['alpha2', 'alpha3', 'm49'] as const) {
      expect(new Set(memberStates().map((state) => state[key])).size).toBe(193);
    }
    for (const state of memberStates()) {
      expect(state.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(state.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(state.m49).toMatch(/^\d{3}$/);
    }
  });

  it('leaves out the observer states', () => {
    expect(findMemberState('VA')).toBeUndefined();
    expect(findMemberState('PS')).toBeUndefined();
  });

  it('keeps names with diacritics', () => {
    expect(findMemberState('ST')?.name).toBe('São Tomé and Príncipe');
    expect(findMemberState('TR')?.name).toBe('Türkiye');
    // world-countries calls it "Ivory Coast"; the state, ISO 3166 and the UN say "Côte d'Ivoire".
    expect(findMemberState('CI')?.name).toBe("Côte d'Ivoire");
  });

  it('carries M49 regions, with an intermediate region only where M49 has one', () => {
    expect(findMemberState('NG')).toMatchObject({
      m49: '566',
      region: { code: '002', name: 'Africa' },
      subRegion: { code: '202', name: 'Sub-Saharan Africa' },
      intermediateRegion: { code: '011', name: 'Western Africa' },
      unRegionalGroup: 'african-group',
    });
    expect(findMemberState('CN')).not.toHaveProperty('intermediateRegion');
  });
});

describe('findMemberState', () => {
  it('accepts alpha-2 and alpha-3 in any case', () => {
    expect(findMemberState('RU')?.alpha3).toBe('RUS');
    expect(findMemberState('rus')?.alpha2).toBe('RU');
    expect(findMemberState('gB')?.name).toBe('United Kingdom');
  });

  it('misses unknown codes', () => {
    expect(findMemberState('XX')).toBeUndefined();
    expect(findMemberState('')).toBeUndefined();
  });
});

describe('parseStateCode', () => {
  it('returns the state for a member code', () => {
    expect(parseStateCode('fra')).toEqual({ ok: true, state: findMemberState('FR') });
  });

  it.each(['R1', 'RUSS', '', 'R', ' RU'])('calls %j malformed', (raw) => {
    expect(parseStateCode(raw)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('says an unknown well-formed code is not a member', () => {
    expect(parseStateCode('XK')).toMatchObject({
      ok: false,
      reason: 'not-a-member',
      message: expect.stringContaining('XK'),
    });
  });

  it.each([
    ['VA', 'Holy See'],
    ['vat', 'Holy See'],
    ['PS', 'State of Palestine'],
    ['PSE', 'State of Palestine'],
  ])('says %s is an observer state', (raw, name) => {
    const result = parseStateCode(raw);
    expect(result).toMatchObject({ ok: false, reason: 'not-a-member' });
    expect(result.ok ? '' : result.message).toMatch(new RegExp(`^${name} \\(\\w\\w\\) is a UN observer state`));
  });
});

describe('generated data file', () => {
  it('equals what `npm run gen:states` produces from the installed packages', () => {
    const onDisk = readFileSync(dataModuleUrl, 'utf8');
    expect(onDisk, 'member-states.data.ts is stale: run `npm run gen:states`').toBe(
      renderMemberStatesModule(buildMemberStates()),
    );
  });

  it('matches the module the core imports', () => {
    expect(buildMemberStates()).toEqual(memberStates());
  });
});
