import type { AlertEventData } from '../alerts/alert-event-data.ts';
import type { IsoDate } from '../time/calendar-date.ts';
import { figureDifference } from './figure-change.ts';

type FigureChange = AlertEventData<'figure.changed'>;

/** A figure that came and went within the changes told together. */
export interface InterimFigure {
  readonly amount: FigureChange['current'];
  readonly asOf: IsoDate;
}

export interface NetFigureChange {
  /** The latest figure, its date, unit and source, as a change from the value before all of them. */
  readonly net: FigureChange;
  /** The figures between that value and the latest, oldest first. */
  readonly interim: readonly InterimFigure[];
}

/**
 * Several changes of one state's metric, oldest first (as news-order.ts sorts them), told as
 * one: from the value before the first to the latest, so a subscriber learns where the figure
 * stands now. When the first change was the state's first figure, that figure is where the net
 * change starts (Russia: 30,023 first, then 11,490, is 30,023 → 11,490).
 */
export const netFigureChange = ([earliest, ...later]: readonly [FigureChange, ...FigureChange[]]): NetFigureChange => {
  const latest = later.at(-1);
  if (latest === undefined) return { net: earliest, interim: [] };
  const startsAtFirst = earliest.previous === null;
  const start = earliest.previous ?? earliest.current;
  const interim = [earliest, ...later.slice(0, -1)]
    .slice(startsAtFirst ? 1 : 0)
    .map(({ current, asOfCurrent }) => ({ amount: current, asOf: asOfCurrent }));
  return {
    net: {
      ...latest,
      ...figureDifference(start, latest.current),
      first: false,
      previous: start,
      asOfPrevious: startsAtFirst ? earliest.asOfCurrent : earliest.asOfPrevious,
    },
    interim,
  };
};
