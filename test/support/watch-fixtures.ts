import { expect } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { figureChangedEvent } from '../../lambdas/core/changes/figure-change.ts';
import { reportReceivedEvent } from '../../lambdas/core/changes/report-received.ts';
import { deriveDeadlineEvents } from '../../lambdas/core/checks/deadline-events.ts';
import { type Delivery, groupDeliveries } from '../../lambdas/core/delivery/group-deliveries.ts';
import type { Figure, FigureAmount } from '../../lambdas/core/figures/figure.ts';
import { groupMembership } from '../../lambdas/core/reference/group-membership.ts';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import type { Report } from '../../lambdas/core/reports/report.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { type GroupIdsOfState, matchEvents } from '../../lambdas/core/watches/match-events.ts';
import type { Watch } from '../../lambdas/core/watches/watch.ts';

/*
 * Nothing here runs core code at import: what a module computes when loaded is run before any
 * test, so Stryker counts it for every test and must run the whole suite for each of its mutants.
 */

export const MIDTERM = '2397-p8-midterm';
export const REPATRIATION = '2397-p8-repatriation';

/**
 * A fixture built at its first use in each test and kept for the rest of that test: built inside
 * the test, Stryker sees which tests run the code behind it; built once, loops over it stay cheap.
 */
const oncePerTest = <T>(build: () => T): (() => T) => {
  let built: { readonly test: string | undefined; readonly value: T } | undefined;
  return () => {
    const test = expect.getState().currentTestName;
    if (!built || built.test !== test) built = { test, value: build() };
    return built.value;
  };
};

const builtInMembership = oncePerTest(() => groupMembership([]));

/** Built-in groups only: `africa`, `eastern-europe`, `african-group`, … */
export const groupIdsOfState: GroupIdsOfState = (alpha2) => builtInMembership()(alpha2);

/** The one delivery that `events` make for `watches`; throws when they make none or several. */
export const onlyDelivery = (events: readonly AlertEvent[], watches: readonly Watch[]): Delivery => {
  const [delivery, ...others] = groupDeliveries(matchEvents(events, watches, groupIdsOfState));
  if (!delivery || others.length > 0)
    throw new Error(`expected one delivery, got ${others.length + (delivery ? 1 : 0)}`);
  return delivery;
};

/** An active immediate email watch on everything about Russia, unless told otherwise. */
export const watch = (fields: Partial<Watch> & Pick<Watch, 'id'>): Watch => ({
  owner: 'user-1',
  target: { states: ['RU'] },
  events: ['deadline.approaching', 'report.overdue', 'deadline.passed', 'report.received', 'figure.changed'],
  channel: { email: 'ana@example.org' },
  delivery: { mode: 'immediate', resolved: false },
  status: 'active',
  createdAt: '2019-01-01T00:00:00.000Z',
  updatedAt: '2019-01-01T00:00:00.000Z',
  ...fields,
});

export const report = (state: string, reportDate: string, fields: Partial<Report> = {}): Report => ({
  state,
  obligationId: MIDTERM,
  reportDate: isoDate(reportDate),
  public: true,
  recordedAt: `${reportDate}T12:00:00.000Z`,
  ...fields,
});

/** What the deadline checker emits at `at` with nothing announced before. */
export const checkerEvents = (
  at: string,
  reports: readonly Report[] = [],
  remaining: readonly Figure[] = [],
): AlertEvent[] =>
  deriveDeadlineEvents({
    at: new Date(at),
    obligations: seedObligations,
    states: memberStates(),
    groupIdsOfState,
    reports,
    remaining,
    memory: [],
  }).events;

/** 23 March 2019, a day past the midterm deadline: Equatorial Guinea alone has reported, 192 states are overdue. */
export const dayAfterMidterm = oncePerTest(() =>
  checkerEvents('2019-03-23T06:00:00.000Z', [report('GQ', '2019-03-20')]),
);

export const figure = (
  state: string,
  metric: string,
  amount: FigureAmount,
  asOf: string,
  fields: Partial<Figure> = {},
): Figure => ({
  ...amount,
  state,
  metric,
  unit: 'persons',
  asOf: isoDate(asOf),
  source: { kind: 'un-report' },
  recordedAt: `${asOf}T00:00:00.000Z`,
  ...fields,
});

export const figureChanged = (previous: Figure | undefined, current: Figure): AlertEvent => {
  const event = figureChangedEvent(previous, current);
  if (!event) throw new Error('no change');
  return event;
};

/** Russia's midterm report: DPRK nationals with valid work permits, 30,023 at the end of 2017, 11,490 at the end of 2018. */
export const russiaWorkPermitFigures = (): readonly [Figure, Figure] => [
  figure('RU', 'work-permits.valid', { value: 30_023 }, '2017-12-31', { unit: 'permits' }),
  figure('RU', 'work-permits.valid', { value: 11_490 }, '2018-12-31', {
    unit: 'permits',
    source: {
      kind: 'un-report',
      ref: '1718 Committee midterm report',
      url: 'https://www.un.org/securitycouncil/sanctions/1718/implementation-reports',
    },
    recordedAt: '2019-03-25T10:00:00.000Z',
  }),
];

/**
 * The change of those figures as change detection announces it, written out (figure-change.test.ts
 * holds it to what figureChangedEvent makes of them).
 */
/** Qatar overdue with its midterm report a day after the deadline, as the deadline check emits it. */
export const qatarOverdue: AlertEvent = {
  id: 'Qa0verdue1234567890abc',
  type: 'report.overdue',
  at: '2019-03-23T06:00:00.000Z',
  state: 'QA',
  obligationId: '2397-p8-midterm',
  data: { title: 'Midterm report', dueDate: '2019-03-22', daysOverdue: 1, stateName: 'Qatar' },
  dedupKey: 'report.overdue:2397-p8-midterm:2019-03-22:QA',
};

export const russiaWorkPermits: AlertEvent = {
  id: 't-G9AL5Sw73znxKNgZirwA',
  type: 'figure.changed',
  at: '2019-03-25T10:00:00.000Z',
  state: 'RU',
  metric: 'work-permits.valid',
  data: {
    metric: 'work-permits.valid',
    unit: 'permits',
    first: false,
    previous: { value: 30_023 },
    current: { value: 11_490 },
    delta: -18_533,
    deltaPct: -61.7,
    movement: 'down',
    asOfPrevious: '2017-12-31',
    asOfCurrent: '2018-12-31',
    source: {
      kind: 'un-report',
      ref: '1718 Committee midterm report',
      url: 'https://www.un.org/securitycouncil/sanctions/1718/implementation-reports',
    },
  },
  dedupKey: 'figure.changed:RU:work-permits.valid:2018-12-31:2019-03-25T10:00:00.000Z',
};

/** A midterm report as the stream processor announces it. */
export const midtermReportReceived = (received: Report, others: readonly Report[] = []): AlertEvent => {
  const midterm = seedObligations.find((obligation) => obligation.id === MIDTERM);
  if (!midterm) throw new Error('no midterm obligation');
  return reportReceivedEvent(received, midterm, [received, ...others]);
};
