import { formatDate, plural } from '../messages/format.ts';
import type { HistoryDay } from '../status/reporting-history.ts';
import { escapeHtml } from './escape-html.ts';

const WIDTH = 720;
const HEIGHT = 180;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/** A step line through the days: flat until the count changes, then straight up or down. */
const stepPath = (
  days: readonly HistoryDay[],
  valueOf: (day: HistoryDay) => number,
  x: (i: number) => number,
  y: (v: number) => number,
): string =>
  days
    .map((day, index) => {
      const value = y(valueOf(day));
      return index === 0 ? `M${x(0)} ${value}` : `H${x(index)} V${value}`;
    })
    .join(' ')
    .concat(` H${x(days.length)}`);

/**
 * The dated counts as a small server-rendered SVG step chart: states that had reported (green)
 * and states overdue (red), one step a day, with the counts on the last day in words beside it.
 */
export const renderHistoryChart = (days: readonly HistoryDay[], states: number): string => {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return '';
  const top = Math.max(1, states);
  const x = (index: number): number =>
    Number((PAD.left + (index / days.length) * (WIDTH - PAD.left - PAD.right)).toFixed(1));
  const y = (value: number): number =>
    Number((HEIGHT - PAD.bottom - (value / top) * (HEIGHT - PAD.top - PAD.bottom)).toFixed(1));
  const summary = `From ${formatDate(first.date)} to ${formatDate(last.date)}: ${plural(last.reported, 'state')} had reported and ${plural(last.overdue, 'state')} were overdue on the last day, of ${plural(states, 'state')}.`;
  return [
    `<figure class="history"><svg class="history-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="history-caption" data-days="${days.length}" data-reported="${last.reported}" data-overdue="${last.overdue}">`,
    `<line class="axis" x1="${PAD.left}" y1="${y(0)}" x2="${WIDTH - PAD.right}" y2="${y(0)}"/>`,
    `<line class="axis" x1="${PAD.left}" y1="${y(top)}" x2="${PAD.left}" y2="${y(0)}"/>`,
    `<text x="${PAD.left - 6}" y="${y(top) + 4}" text-anchor="end">${top}</text><text x="${PAD.left - 6}" y="${y(0) + 4}" text-anchor="end">0</text>`,
    `<text x="${PAD.left}" y="${HEIGHT - 8}">${escapeHtml(formatDate(first.date))}</text><text x="${WIDTH - PAD.right}" y="${HEIGHT - 8}" text-anchor="end">${escapeHtml(formatDate(last.date))}</text>`,
    `<path class="step overdue-line" d="${stepPath(days, (day) => day.overdue, x, y)}"><title>Overdue</title></path>`,
    `<path class="step reported-line" d="${stepPath(days, (day) => day.reported, x, y)}"><title>Reported</title></path>`,
    '</svg>',
    `<figcaption id="history-caption"><span class="key reported-key">Reported</span> <span class="key overdue-key">Overdue</span> ${escapeHtml(summary)}</figcaption></figure>`,
  ].join('');
};
