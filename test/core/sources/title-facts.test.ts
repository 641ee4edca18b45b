import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memberStates } from '../../../lambdas/core/reference/member-states.ts';
import { committeeOfSymbol } from '../../../lambdas/core/sources/committee-series.ts';
import { parseDocumentSymbol } from '../../../lambdas/core/sources/document-symbol.ts';
import { titleDate } from '../../../lambdas/core/sources/title-date.ts';
import { titleSender } from '../../../lambdas/core/sources/title-sender.ts';
import {
  buildStateNameIndex,
  renderStateNamesModule,
  stateNamesModuleUrl,
} from '../../../scripts/state-names-source.ts';

const EGYPT_NOTE =
  'Note verbale dated 11 September 2024 from the Permanent Mission of Egypt to the United Nations addressed to the Chair of the Committee';

describe('the sender a title names', () => {
  it.each([
    [EGYPT_NOTE, 'EG'],
    [
      'Letter dated 10 September 2024 from the Permanent Representative of the Sudan to the United Nations addressed to the President of the Security Council',
      'SD',
    ],
    [
      "Letter dated 9 September 2024 from the Permanent Representative of the Democratic People's Republic of Korea to the United Nations addressed to the Secretary-General",
      'KP',
    ],
    ['Note verbale dated 1 March 2019 from the Permanent Mission of the Republic of Korea to the United Nations', 'KR'],
    ["Note verbale dated 6 September 2024 from the Permanent Mission of Côte d'Ivoire to the United Nations", 'CI'],
    ['Note verbale dated 6 September 2024 from the Permanent Mission of Cote d’Ivoire', 'CI'],
    ['Note verbale dated 2 September 2024 from the Permanent Mission of Türkiye to the United Nations', 'TR'],
    ['Note verbale dated 2 September 2024 from the Permanent Mission of the Niger to the United Nations', 'NE'],
    ['Note verbale dated 2 September 2024 from the Permanent Mission of Nigeria to the United Nations', 'NG'],
    ['Note verbale dated 2 September 2024 from the Permanent Mission of Equatorial Guinea', 'GQ'],
    [
      'Note verbale dated 2 September 2024 from the Permanent Mission of the United Kingdom of Great Britain and Northern Ireland to the United Nations',
      'GB',
    ],
    ['Note verbale dated 2 September 2024 from the Permanent Mission of the Democratic Republic of the Congo', 'CD'],
    ['Note verbale dated 2 September 2024 from the Permanent Mission of the Congo to the United Nations', 'CG'],
  ])('%s → %s', (title, alpha2) => {
    expect(titleSender(title)).toMatchObject({ kind: 'member', alpha2 });
  });

  it('finds the sender when the title names it after the addressee', () => {
    const title =
      "Letter dated 6 September 2024 addressed to the Chair of the Committee by the Chargé d'affaires a.i. of the Permanent Mission of Côte d'Ivoire to the United Nations";

    expect(titleSender(title)).toMatchObject({ kind: 'member', alpha2: 'CI', name: "Côte d'Ivoire" });
  });

  it('reads a report titled by its state', () => {
    const title =
      "Report of the Lao People's Democratic Republic submitted pursuant to paragraph 8 of resolution 2397 (2017)";

    expect(titleSender(title)).toMatchObject({ kind: 'member', alpha2: 'LA' });
  });

  it.each([
    [
      'Note verbale dated 5 September 2024 from the Permanent Observer Mission of the Holy See to the United Nations',
      'VA',
    ],
    ['Note verbale dated 3 October 2024 from the Permanent Observer Mission of the State of Palestine', 'PS'],
  ])('an observer is recognised, never made a member: %s', (title, alpha2) => {
    expect(titleSender(title)).toMatchObject({ kind: 'observer', alpha2 });
  });

  it('an unknown name is reported as written, not guessed', () => {
    expect(
      titleSender('Note verbale dated 6 September 2024 from the Permanent Mission of Atlantis to the United Nations'),
    ).toEqual({ kind: 'unknown', written: 'Atlantis' });
  });

  it.each([
    'Provisional agenda',
    'Report of the Security Council Committee established pursuant to resolution 1718 (2006)',
  ])('a title that names no sending state names no sender: %s', (title) => {
    expect(titleSender(title)).toEqual({ kind: 'none' });
  });
});

describe('the date a title names', () => {
  it('reads "dated 11 September 2024"', () => {
    expect(titleDate(EGYPT_NOTE)).toBe('2024-09-11');
  });

  it('reads single-digit days and any case', () => {
    expect(titleDate('Letter DATED 2 march 2019 from …')).toBe('2019-03-02');
  });

  it.each(['Letter dated 31 February 2024 from …', 'Letter dated 3 Brumaire 2024', 'Provisional agenda'])(
    'no real day, no date: %s',
    (title) => {
      expect(titleDate(title)).toBeUndefined();
    },
  );
});

describe('document symbols', () => {
  it.each([
    ['S/AC.49/2024/6/Corr.1', 'S/AC.49/2024/6', 'corrigendum', 1],
    ['S/AC.49/2024/7/Rev.2', 'S/AC.49/2024/7', 'revision', 2],
    ['S/AC.49/2024/7/Rev.1/Corr.1', 'S/AC.49/2024/7', 'corrigendum', 1],
  ])('%s amends %s', (symbol, original, kind, number) => {
    expect(parseDocumentSymbol(symbol)).toEqual({ symbol, original, amendment: { kind, number } });
  });

  it('an original has no amendment', () => {
    expect(parseDocumentSymbol(' S/AC.49/2024/6 ')).toEqual({ symbol: 'S/AC.49/2024/6', original: 'S/AC.49/2024/6' });
  });

  it('S/AC.49 is the 1718 Committee; other series are not guessed', () => {
    expect(committeeOfSymbol('S/AC.49/2024/6')).toEqual({ series: 'S/AC.49', committee: '1718' });
    expect(committeeOfSymbol('S/AC.490/2024/6')).toBeUndefined();
    expect(committeeOfSymbol('S/2024/670')).toBeUndefined();
  });
});

describe('the index of state names', () => {
  it('names every member state by its own short name', () => {
    const unnamed = memberStates().filter((state) => {
      const sender = titleSender(`Note verbale from the Permanent Mission of ${state.name} to the United Nations`);
      return sender.kind !== 'member' || sender.alpha2 !== state.alpha2;
    });

    expect(unnamed.map((state) => state.name)).toEqual([]);
  });

  it('is the one the generator renders from the installed world-countries', () => {
    expect(readFileSync(stateNamesModuleUrl, 'utf8')).toBe(renderStateNamesModule(buildStateNameIndex()));
  });
});
