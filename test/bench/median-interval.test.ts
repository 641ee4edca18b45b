import { describe, expect, it } from 'vitest';
import { medianInterval } from '../../bench/results-table.ts';

/** The samples 1…n, shuffled, so a sample's value is its rank. */
const ranks = (n: number): number[] =>
  Array.from({ length: n }, (_, index) => index + 1).sort((a, b) => ((a * 7919) % n) - ((b * 7919) % n));

describe('the interval the bench gives around a median', () => {
  it.each([
    [21, 6, 16],
    [41, 14, 28],
    [101, 41, 61],
    [9, 2, 8],
  ])('of %i samples at 95% runs from the sample of rank %i to the one of rank %i', (n, low, high) => {
    expect(medianInterval(ranks(n))).toEqual([low, high]);
  });

  it('is the whole range when there are too few samples to say more', () => {
    expect(medianInterval([3, 1, 2, 5, 4])).toEqual([1, 5]);
  });

  it('narrows at a lower confidence', () => {
    expect(medianInterval(ranks(21), 0.5)).toEqual([9, 13]);
  });
});
