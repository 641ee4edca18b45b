import { describe, expect, it } from 'vitest';
import { figureChangedEvent } from '../../lambdas/core/changes/figure-change.ts';
import type { Figure, FigureAmount } from '../../lambdas/core/figures/figure.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { figureChanged, russiaWorkPermitFigures, russiaWorkPermits } from '../support/watch-fixtures.ts';

const figure = (amount: FigureAmount, asOf: string, extra: Partial<Figure> = {}): Figure =>
  ({
    state: 'RU',
    metric: 'work-permits.valid',
    unit: 'permits',
    asOf: isoDate(asOf),
    source: { kind: 'un-report', ref: "Russia's midterm report" },
    recordedAt: `${asOf}T10:00:00.000Z`,
    ...amount,
    ...extra,
  }) as Figure;

describe('figure.changed', () => {
  it('Russia 30,023 → 11,490 valid work permits: delta −18,533, −61.7%', () => {
    const event = figureChangedEvent(figure({ value: 30023 }, '2017-12-31'), figure({ value: 11490 }, '2018-12-31'));

    expect(event).toMatchObject({
      type: 'figure.changed',
      state: 'RU',
      metric: 'work-permits.valid',
      at: '2018-12-31T10:00:00.000Z',
      dedupKey: 'figure.changed:RU:work-permits.valid:2018-12-31:2018-12-31T10:00:00.000Z',
      data: {
        first: false,
        previous: { value: 30023 },
        current: { value: 11490 },
        delta: -18533,
        deltaPct: -61.7,
        movement: 'down',
        asOfPrevious: '2017-12-31',
        asOfCurrent: '2018-12-31',
        source: { kind: 'un-report', ref: "Russia's midterm report" },
      },
    });
  });

  it('a first figure is a change from nothing', () => {
    expect(figureChangedEvent(undefined, figure({ value: 30023 }, '2017-12-31'))?.data).toMatchObject({
      first: true,
      previous: null,
      current: { value: 30023 },
      delta: null,
      deltaPct: null,
      movement: 'first-figure',
      asOfPrevious: null,
    });
  });

  it('emits nothing when only the note, source or date moved', () => {
    const before = figure({ value: 0 }, '2019-03-01', { note: 'all permits revoked' });

    expect(
      figureChangedEvent(
        before,
        figure({ value: 0 }, '2019-06-01', { note: 'still none', source: { kind: 'national' } }),
      ),
    ).toBeUndefined();
    expect(
      figureChangedEvent(
        figure({ low: 50000, high: 80000 }, '2019-01-01'),
        figure({ low: 50000, high: 80000 }, '2019-12-01'),
      ),
    ).toBeUndefined();
  });

  it.each([
    [
      { low: 50000, high: 80000 },
      { low: 40000, high: 70000 },
      'down',
      { low: -10000, high: -10000 },
      { low: -20, high: -12.5 },
    ],
    [
      { low: 50000, high: 80000 },
      { low: 55000, high: 90000 },
      'up',
      { low: 5000, high: 10000 },
      { low: 10, high: 12.5 },
    ],
    [
      { low: 50000, high: 80000 },
      { low: 40000, high: 100000 },
      'widened',
      { low: -10000, high: 20000 },
      { low: -20, high: 25 },
    ],
    [
      { low: 50000, high: 80000 },
      { low: 60000, high: 70000 },
      'narrowed',
      { low: 10000, high: -10000 },
      { low: 20, high: -12.5 },
    ],
    // One end stays while the other moves: the range went that way, it did not widen or narrow.
    [{ low: 50000, high: 80000 }, { low: 50000, high: 90000 }, 'up', { low: 0, high: 10000 }, { low: 0, high: 12.5 }],
    [{ low: 50000, high: 80000 }, { low: 60000, high: 80000 }, 'up', { low: 10000, high: 0 }, { low: 20, high: 0 }],
    [
      { low: 50000, high: 80000 },
      { low: 50000, high: 70000 },
      'down',
      { low: 0, high: -10000 },
      { low: 0, high: -12.5 },
    ],
    [{ low: 50000, high: 80000 }, { low: 40000, high: 80000 }, 'down', { low: -10000, high: 0 }, { low: -20, high: 0 }],
  ])('compares ranges by both ends: %j → %j moved %s', (from, to, movement, delta, deltaPct) => {
    expect(figureChangedEvent(figure(from, '2019-01-01'), figure(to, '2019-12-01'))?.data).toMatchObject({
      movement,
      delta,
      deltaPct,
    });
  });

  it('says when a value became a range or a range a value, and gives no percent change from zero', () => {
    expect(
      figureChangedEvent(figure({ value: 800 }, '2019-01-01'), figure({ low: 700, high: 900 }, '2019-06-01'))?.data,
    ).toMatchObject({ movement: 'value-to-range', delta: null });
    expect(
      figureChangedEvent(figure({ low: 700, high: 900 }, '2019-01-01'), figure({ value: 800 }, '2019-06-01'))?.data,
    ).toMatchObject({ movement: 'range-to-value', delta: null, deltaPct: null });
    expect(
      figureChangedEvent(figure({ value: 0 }, '2019-01-01'), figure({ value: 12 }, '2019-06-01'))?.data,
    ).toMatchObject({ delta: 12, deltaPct: null, movement: 'up' });
  });

  it("is, for Russia's work permits, exactly the event the other tests take as written", () => {
    expect(figureChanged(...russiaWorkPermitFigures())).toEqual(russiaWorkPermits);
  });
});
