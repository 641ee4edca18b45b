import { isWorld } from '../../contracts/world.ts';
import type { AlertEventData } from '../alerts/alert-event-data.ts';
import { lazy } from '../lazy.ts';
import { stateName } from '../reference/state-names.ts';
import type { IsoDate } from '../time/calendar-date.ts';

/** How people quote these figures: en-US thousands separators (30,023), one decimal for percentages. */
const numbers = /* @__PURE__ */ lazy(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }));
const percents = /* @__PURE__ */ lazy(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }));

const formatNumber = (n: number): string => numbers().format(n);

/** A true minus sign (−), as changes are printed; the SMS and subject transliteration turn it into "-". */
const signed = (n: number, magnitude: string): string =>
  n > 0 ? `+${magnitude}` : n < 0 ? `−${magnitude}` : magnitude;

const formatDelta = (n: number): string => signed(n, numbers().format(Math.abs(n)));

const formatPct = (pct: number): string => `${signed(pct, percents().format(Math.abs(pct)))}%`;

type Amount = number | { readonly value: number } | { readonly low: number; readonly high: number };

/** 30,023, or a range as 50,000–80,000. */
export const formatAmount = (amount: Amount): string => {
  if (typeof amount === 'number') return formatNumber(amount);
  return 'value' in amount ? formatNumber(amount.value) : `${formatNumber(amount.low)}–${formatNumber(amount.high)}`;
};

export const plural = (count: number, noun: string): string =>
  `${formatNumber(count)} ${count === 1 ? noun : `${noun}s`}`;

/** English month names, January first: how UN titles and our messages spell them. */
export const monthNames: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "22 March 2019": day-month order and a spelled month cannot be misread on either side of the Atlantic. */
export const formatDate = (date: IsoDate): string => {
  const [year, month, day] = date.split('-').map(Number);
  return `${day ?? ''} ${monthNames[(month ?? 1) - 1] ?? ''} ${year ?? ''}`;
};

/** "Nigeria" for one state, "53 states" for more. */
export const whoOf = (states: readonly string[]): string =>
  states.length === 1 && states[0] !== undefined ? stateName(states[0]) : plural(states.length, 'state');

/** Headlines may start with a metric id's words: "valid work permits changed…" reads as a sentence once capitalised. */
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "Nigeria (NG)"; "Worldwide" for a worldwide figure. */
export const stateLabel = (alpha2: string): string =>
  isWorld(alpha2) ? stateName(alpha2) : `${stateName(alpha2)} (${alpha2})`;

/** Metric ids read backwards as English: `work-permits.valid` → "valid work permits", `workers.remaining` → "remaining workers". */
export const metricLabel = (metricId: string): string => metricId.split('.').reverse().join(' ').replaceAll('-', ' ');

const sourceKinds: Readonly<Record<string, string>> = {
  'un-report': 'UN report',
  national: 'National figure',
  estimate: 'Estimate',
  press: 'Press report',
};

export const sourceKindLabel = (kind: string): string => sourceKinds[kind] ?? kind;

type FigureChange = AlertEventData<'figure.changed'>;

/** What moved, beside the two amounts; none when a value became a range or back (no single difference). */
const changeNote = ({ delta, deltaPct, movement }: FigureChange, style: 'full' | 'compact'): string | undefined => {
  if (typeof delta === 'number') {
    const pct = typeof deltaPct === 'number' ? formatPct(deltaPct) : undefined;
    if (style === 'compact') return pct ?? formatDelta(delta);
    return pct === undefined ? formatDelta(delta) : `${formatDelta(delta)}, ${pct}`;
  }
  if (delta === null || deltaPct === null || typeof deltaPct === 'number') return undefined;
  if (style === 'compact') return movement;
  const end = (change: number, pct: number | null) =>
    pct === null ? formatDelta(change) : `${formatDelta(change)}, ${formatPct(pct)}`;
  return `low ${end(delta.low, deltaPct.low)}; high ${end(delta.high, deltaPct.high)}`;
};

/**
 * Full: "30,023 → 11,490 permits (−18,533, −61.7%)", for email. Compact: "30,023→11,490
 * (−61.7%)", for SMS. A first figure is just its amount.
 */
export const figureChange = (data: FigureChange, style: 'full' | 'compact'): string => {
  const current = style === 'full' ? `${formatAmount(data.current)} ${data.unit}` : formatAmount(data.current);
  if (data.previous === null) return current;
  const note = changeNote(data, style);
  const fromTo = `${formatAmount(data.previous)}${style === 'full' ? ' → ' : '→'}${current}`;
  return note === undefined ? fromTo : `${fromTo} (${note})`;
};
