import type { AlertEvent } from '../alerts/alert-event.ts';
import { type NewAlertEventSink, storeNewAlertEvents } from '../alerts/store-new-alert-events.ts';
import type { Figure } from '../figures/figure.ts';
import type { Clock } from '../ports/clock.ts';
import type { ObligationCatalogue, StateRecords } from '../ports/stores.ts';
import type { Report } from '../reports/report.ts';
import type { FoundProposal } from '../sources/stored-proposal.ts';
import { figureChangedEvent } from './figure-change.ts';
import { proposalFoundEvent } from './proposal-found.ts';
import { reportReceivedEvent } from './report-received.ts';

/** A write to the table that subscribers may care about, whoever made it. */
export type StoredChange =
  | { readonly kind: 'report-recorded'; readonly report: Report }
  | { readonly kind: 'latest-figure-written'; readonly previous?: Figure; readonly current: Figure }
  | { readonly kind: 'proposal-found'; readonly proposal: FoundProposal };

export interface ChangeDetectionDependencies extends NewAlertEventSink {
  readonly obligations: ObligationCatalogue;
  readonly stateRecords: StateRecords;
  /** When an event is stored: where its stream-to-send latency starts. */
  readonly clock: Clock;
}

/**
 * The figure before `current` when the latest had none before it in the same write: a report
 * can carry two figures of one metric (Russia's midterm report: 30,023 permits at the end of
 * 2017, 11,490 a year later), stored in one transaction, so the stream shows only the newer as
 * the first latest. The history holds the older one.
 */
const olderFigure = async (current: Figure, stateRecords: StateRecords): Promise<Figure | undefined> =>
  (await stateRecords.figureHistory(current.state, current.metric)).find((figure) => figure.asOf < current.asOf);

/**
 * The alert a change calls for, if any. A report on an obligation missing from the catalogue is
 * an inconsistency to look at, not an alert: it fails, and its record goes to the failure queue.
 */
const alertFor = async (change: StoredChange, deps: ChangeDetectionDependencies): Promise<AlertEvent | undefined> => {
  if (change.kind === 'proposal-found') return proposalFoundEvent(change.proposal);
  if (change.kind === 'latest-figure-written')
    return figureChangedEvent(
      change.previous ?? (await olderFigure(change.current, deps.stateRecords)),
      change.current,
    );
  const [obligation, reports] = await Promise.all([
    deps.obligations.get(change.report.obligationId),
    deps.stateRecords.reportsOf(change.report.state),
  ]);
  if (!obligation)
    throw new Error(
      `Report ${change.report.state}/${change.report.obligationId} names an obligation that is not in the catalogue`,
    );
  return reportReceivedEvent(change.report, obligation, reports);
};

/**
 * Turns one change into its alert and stores it once, in the wave. Returns the event when this
 * call stored it, undefined when there was nothing to tell or it had been stored before (a
 * redelivered record).
 */
export const detectChange = async (
  change: StoredChange,
  waveId: string,
  deps: ChangeDetectionDependencies,
): Promise<AlertEvent | undefined> => {
  const event = await alertFor(change, deps);
  if (!event) return undefined;
  const [stored] = await storeNewAlertEvents([event], deps, { waveId, storedAt: deps.clock.now() });
  return stored;
};
