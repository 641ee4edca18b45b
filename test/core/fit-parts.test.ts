import { describe, expect, it } from 'vitest';
import { fitParts, listOf, wordsOf } from '../../lambdas/core/messages/fit-parts.ts';

const atMost = (length: number) => (text: string) => text.length <= length;

describe('wordsOf and listOf', () => {
  it('cut a title word by word, down to its first word', () => {
    expect(wordsOf('Midterm report on DPRK workers', 0).variants).toEqual([
      'Midterm report on DPRK workers',
      'Midterm report on DPRK...',
      'Midterm report on...',
      'Midterm report...',
      'Midterm...',
    ]);
  });

  it('name fewer items of a list and count the rest', () => {
    expect(listOf(['AO', 'BJ', 'BW'], 0).variants).toEqual(['AO, BJ, BW', 'AO, BJ... +1', 'AO... +2']);
  });
});

describe('fitParts', () => {
  it('shortens the part that gives way first, and only as far as needed', () => {
    const parts = [wordsOf('Midterm report on DPRK workers', 2), ' due 2019-03-22: ', listOf(['AO', 'BJ', 'BW'], 1)];

    expect(fitParts(parts, atMost(57))).toBe('Midterm report on DPRK workers due 2019-03-22: AO, BJ, BW');
    expect(fitParts(parts, atMost(56))).toBe('Midterm report on DPRK workers due 2019-03-22: AO... +2');
    expect(fitParts(parts, atMost(50))).toBe('Midterm report on DPRK... due 2019-03-22: AO... +2');
  });

  it('keeps a part at its shortest rather than drop it, and cuts the text when even that is too long', () => {
    expect(fitParts([wordsOf('Midterm report', 0), ' due 2019-03-22, in 7 days'], atMost(25))).toBe(
      'Midterm... due 2019-03...',
    );
  });

  it('cuts before a space with no space left before the dots', () => {
    expect(fitParts(['Midterm report due soon'], atMost(18))).toBe('Midterm report...');
  });

  it('adds nothing for an empty list', () => {
    expect(fitParts(['Met by all', listOf([], 0), '.'], atMost(160))).toBe('Met by all.');
  });
});
