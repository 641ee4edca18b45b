import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { figureChangedEvent } from '../../lambdas/core/changes/figure-change.ts';
import { reportReceivedEvent } from '../../lambdas/core/changes/report-received.ts';
import { deriveDeadlineEvents } from '../../lambdas/core/checks/deadline-events.ts';
import type { Figure, FigureAmount } from '../../lambdas/core/figures/figure.ts';
import { groupMembership } from '../../lambdas/core/reference/group-membership.ts';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import type { Report } from '../../lambdas/core/reports/report.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import type { Watch } from '../../lambdas/core/watches/watch.ts';

export const MIDTERM = '2397-p8-midterm';
export const REPATRIATION = '2397-p8-repatriation';

/** Built-in groups only: `africa`, `eastern-europe`, `african-group`, … */
export const groupIdsOfState = groupMembership([]);

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
    states: memberStates,
    groupIdsOfState,
    reports,
    remaining,
    memory: [],
  }).events;

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
export const russiaWorkPermits = figureChanged(
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
);

const midterm = seedObligations.find((obligation) => obligation.id === MIDTERM);
if (!midterm) throw new Error('no midterm obligation');

/** A midterm report as the stream processor announces it. */
export const midtermReportReceived = (received: Report, others: readonly Report[] = []): AlertEvent =>
  reportReceivedEvent(received, midterm, [received, ...others]);
