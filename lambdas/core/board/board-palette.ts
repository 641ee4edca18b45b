import type { ObligationKind } from '../obligations/obligation.ts';
import type { ObligationStatusName } from '../status/obligation-status.ts';

/** A colour with the text colour that is readable on it (WCAG AA, 4.5:1; test/core/board-palette.test.ts checks). */
export interface Swatch {
  readonly fill: string;
  readonly text: string;
}

export interface StatusStyle extends Swatch {
  readonly label: string;
  /** What the status means, for the legend. */
  readonly meaning: string;
}

/**
 * One colour per status. Submitted-and-fine is green, withheld purple, late ochre, overdue red
 * (shaded by days, below); the overdue and not-public shapes also carry a pattern, so the map
 * does not rely on colour alone.
 */
export const statusStyles: Readonly<Record<ObligationStatusName, StatusStyle>> = {
  'not-applicable': {
    fill: '#f6f8fa',
    text: '#1f2328',
    label: 'Not applicable',
    meaning: 'The obligation does not apply to the state.',
  },
  open: {
    fill: '#ddf4ff',
    text: '#1f2328',
    label: 'Open',
    meaning: 'The duty has no deadline and nothing is in yet; it is never overdue.',
  },
  'not-due': { fill: '#d0d7de', text: '#1f2328', label: 'Not due', meaning: 'The deadline is more than 30 days away.' },
  'due-soon': {
    fill: '#f2cc60',
    text: '#1f2328',
    label: 'Due soon',
    meaning: 'The deadline is within 30 days and nothing is in yet.',
  },
  submitted: {
    fill: '#1a7f37',
    text: '#ffffff',
    label: 'Submitted',
    meaning: 'A report was submitted by the deadline.',
  },
  'submitted-late': {
    fill: '#9a6700',
    text: '#ffffff',
    label: 'Submitted late',
    meaning: 'A report was submitted after the deadline.',
  },
  'submitted-not-public': {
    fill: '#6639ba',
    text: '#ffffff',
    label: 'Submitted, not public',
    meaning: 'A report was submitted with a request not to publish it (dotted on the map).',
  },
  overdue: {
    fill: '#c8312a',
    text: '#ffffff',
    label: 'Overdue',
    meaning: 'The deadline passed and no report is in (hatched on the map; darker is longer).',
  },
  'deadline-passed': {
    fill: '#7d4e24',
    text: '#ffffff',
    label: 'Deadline passed',
    meaning: 'The deadline passed and no figure shows the obligation met.',
  },
  unrecorded: {
    fill: '#eaeef2',
    text: '#1f2328',
    label: 'Not recorded here',
    meaning: 'The deadline passed; this service keeps no record of these reports, so it cannot say who reported.',
  },
  met: {
    fill: '#0f6e6e',
    text: '#ffffff',
    label: 'Met',
    meaning: "The state's latest figure of DPRK workers remaining is 0.",
  },
};

/** The statuses each kind of obligation can be in, in the legend's order. */
export const statusesOfKind: Readonly<Record<ObligationKind, readonly ObligationStatusName[]>> = {
  report: [
    'overdue',
    'submitted',
    'submitted-not-public',
    'submitted-late',
    'due-soon',
    'not-due',
    'open',
    'not-applicable',
  ],
  action: ['deadline-passed', 'met', 'due-soon', 'not-due', 'open', 'not-applicable'],
};

export interface OverdueShade extends Swatch {
  /** 1-based, darker as it grows: names the shade's CSS class and pattern. */
  readonly level: number;
  /** The longest overdue (in days) the shade covers; the last has no limit. */
  readonly upToDays: number;
  readonly label: string;
}

const longestOverdue: OverdueShade = {
  level: 5,
  upToDays: Number.POSITIVE_INFINITY,
  fill: '#67000d',
  text: '#ffffff',
  label: 'more than a year',
};

/** Overdue, darker the longer a state has been overdue. */
export const overdueShades: readonly OverdueShade[] = [
  { level: 1, upToDays: 30, fill: '#fbc4ab', text: '#1f2328', label: 'up to 30 days' },
  { level: 2, upToDays: 90, fill: '#f08a6c', text: '#1f2328', label: '31 to 90 days' },
  { level: 3, upToDays: 180, fill: '#c8312a', text: '#ffffff', label: '91 to 180 days' },
  { level: 4, upToDays: 365, fill: '#a50f15', text: '#ffffff', label: '181 to 365 days' },
  longestOverdue,
];

export const overdueShade = (daysOverdue: number): OverdueShade =>
  overdueShades.find((shade) => daysOverdue <= shade.upToDays) ?? longestOverdue;

/** The page around the map. */
export const pageColours = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  link: '#0550ae',
  ocean: '#eaf2f8',
  /** Land that is no member state, or a state outside the chosen group. */
  otherLand: '#e4e8ec',
  border: '#ffffff',
} as const;
