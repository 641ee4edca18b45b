import type { AlertEvent } from '../alerts/alert-event.ts';
import { alertEventId, dedupKeys } from '../alerts/alert-event-id.ts';
import type { Figure, FigureAmount } from '../figures/figure.ts';

/** Percent change rounded to one decimal, as people quote it (−61.7%); none from zero. */
const percent = (from: number, to: number): number | null =>
  from === 0 ? null : Math.round(((to - from) / from) * 1000) / 10;

const sameAmount = (a: FigureAmount, b: FigureAmount): boolean =>
  'value' in a ? 'value' in b && a.value === b.value : 'low' in b && a.low === b.low && a.high === b.high;

const amountOf = (figure: FigureAmount): FigureAmount =>
  'value' in figure ? { value: figure.value } : { low: figure.low, high: figure.high };

/** How a range moved, in words a subscriber reads at a glance. */
const rangeMovement = (from: { low: number; high: number }, to: { low: number; high: number }): string => {
  if (to.low === from.low && to.high === from.high) return 'unchanged';
  if (to.low >= from.low && to.high >= from.high) return 'up';
  if (to.low <= from.low && to.high <= from.high) return 'down';
  return to.high - to.low > from.high - from.low ? 'widened' : 'narrowed';
};

/**
 * What changed between two amounts: value → value, range → range, or one form into the other.
 * One event never joins equal amounts, but the net of several changes may come back to where it started.
 */
export const figureDifference = (previous: FigureAmount, current: FigureAmount) => {
  if ('value' in previous && 'value' in current) {
    return {
      delta: current.value - previous.value,
      deltaPct: percent(previous.value, current.value),
      movement: current.value > previous.value ? 'up' : current.value < previous.value ? 'down' : 'unchanged',
    };
  }
  if ('low' in previous && 'low' in current) {
    return {
      delta: { low: current.low - previous.low, high: current.high - previous.high },
      deltaPct: { low: percent(previous.low, current.low), high: percent(previous.high, current.high) },
      movement: rangeMovement(previous, current),
    };
  }
  return { delta: null, deltaPct: null, movement: 'value' in current ? 'range-to-value' : 'value-to-range' };
};

/**
 * The alert for a state's latest figure being replaced, or undefined when nothing a subscriber
 * cares about changed (same amount: only a note, a source or a date moved). A first figure for
 * the state and metric is a change from nothing.
 */
export const figureChangedEvent = (previous: Figure | undefined, current: Figure): AlertEvent | undefined => {
  if (previous && sameAmount(previous, current)) return undefined;
  const dedupKey = dedupKeys.figureChanged(current.state, current.metric, current.asOf, current.recordedAt);
  const change = previous
    ? figureDifference(previous, current)
    : { delta: null, deltaPct: null, movement: 'first-figure' };
  return {
    id: alertEventId(dedupKey),
    type: 'figure.changed',
    at: current.recordedAt,
    state: current.state,
    metric: current.metric,
    data: {
      metric: current.metric,
      unit: current.unit,
      first: previous === undefined,
      previous: previous ? amountOf(previous) : null,
      current: amountOf(current),
      ...change,
      asOfPrevious: previous?.asOf ?? null,
      asOfCurrent: current.asOf,
      source: current.source,
    },
    dedupKey,
  };
};
