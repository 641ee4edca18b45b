import { conflict, invalidInput, notFound } from '../errors.ts';
import type { Figure } from '../figures/figure.ts';
import type { SourceStore } from '../ports/source-store.ts';
import { type RecordReportDependencies, recordReport } from '../reports/record-report.ts';
import type { Report } from '../reports/report.ts';
import type { ReportInput } from '../reports/report-schema.ts';
import { type IsoDate, utcDateOf } from '../time/calendar-date.ts';
import type { AcceptProposalInput, RejectProposalInput } from './proposal-schema.ts';
import type { StoredProposal } from './stored-proposal.ts';

export interface ReviewDependencies extends RecordReportDependencies {
  readonly sources: SourceStore;
}

/** Who publishes every document the feeds announce. */
const UN_PUBLISHER = 'United Nations';

const pendingProposal = async (id: string, sources: SourceStore): Promise<StoredProposal> => {
  const proposal = await sources.getProposal(id);
  if (!proposal) throw notFound('proposal-not-found', `No proposal ${id}; GET /proposals lists them`);
  if (proposal.status !== 'pending') {
    throw conflict(
      'proposal-decided',
      `The proposal for ${proposal.proposal.document.symbol} was ${proposal.status} already`,
    );
  }
  return proposal;
};

/** What the proposal settled, with the reviewer's corrections over it; a field neither gives is a 400 naming it. */
const reportInputOf = (proposal: StoredProposal, corrections: AcceptProposalInput, today: IsoDate): ReportInput => {
  const { document, state, obligationId, datedOn } = proposal.proposal;
  const settled = {
    state: corrections.state ?? state,
    obligationId: corrections.obligationId ?? obligationId,
    reportDate: corrections.reportDate ?? datedOn,
  };
  for (const [field, value] of Object.entries(settled)) {
    if (value === undefined) throw invalidInput(field, `The proposal does not settle ${field}; give it in the body`);
  }
  const reportDate = settled.reportDate as NonNullable<typeof settled.reportDate>;
  const url = corrections.url ?? document.url;
  return {
    obligationId: settled.obligationId as string,
    reportDate,
    ...(corrections.receivedOn ? { receivedOn: corrections.receivedOn } : {}),
    // A document issued before the date it bears would be a misreading of its title: left out, not refused.
    ...(document.publishedOn >= reportDate ? { publishedOn: document.publishedOn } : {}),
    public: corrections.public ?? true,
    symbol: document.symbol.slice(0, 64),
    ...(url ? { url, source: { kind: 'un-document' as const, publisher: UN_PUBLISHER, url, readOn: today } } : {}),
    ...(corrections.note ? { note: corrections.note } : {}),
  };
};

/**
 * How long an accept holds its proposal. Far longer than an accept runs (the API's functions stop
 * after 10 s, API Gateway after 29 s; the source job's accepts take well under a second each), so a
 * running accept does not lose its hold; short, so a proposal whose function died between taking
 * the hold and deciding waits two minutes for a reviewer, not forever.
 */
export const CLAIM_SECONDS = 120;

/**
 * `POST /proposals/{id}/accept`: holds the proposal, records the report through the same use case
 * as `POST /states/{code}/reports`, so change detection raises the same `report.received`, then
 * marks the proposal accepted under that hold. Of two admins accepting at once, only the one
 * holding it records a report; the other gets a 409. A report the report path refuses (a 409
 * when recorded already, a 400) lets go of the hold: the proposal stays pending for a reviewer.
 */
export const acceptProposal = async (
  id: string,
  corrections: AcceptProposalInput,
  by: string,
  deps: ReviewDependencies,
): Promise<{ readonly proposal: StoredProposal; readonly report: Report; readonly figures: readonly Figure[] }> => {
  const proposal = await pendingProposal(id, deps.sources);
  const now = deps.clock.now();
  const input = reportInputOf(proposal, corrections, utcDateOf(now));
  const state = (corrections.state ?? proposal.proposal.state) as string;
  const claim = await deps.sources.claim(id, by, now, CLAIM_SECONDS);
  const recorded = await recordReport(state, input, deps).catch(async (error: unknown) => {
    // Should letting go fail as well, the hold runs out by itself; the reviewer needs the report's error.
    await deps.sources.release(id, claim).catch(() => undefined);
    throw error;
  });
  const decision = {
    by,
    at: now.toISOString(),
    report: { state: recorded.report.state, obligationId: input.obligationId, reportDate: input.reportDate },
  };
  await deps.sources.decide(id, 'accepted', decision, claim);
  return { proposal: { ...proposal, status: 'accepted', decision }, ...recorded };
};

/** `POST /proposals/{id}/reject`: the proposal is not a report; the reason stays with it. Not while someone is accepting it. */
export const rejectProposal = async (
  id: string,
  input: RejectProposalInput,
  by: string,
  deps: Pick<ReviewDependencies, 'sources' | 'clock'>,
): Promise<StoredProposal> => {
  const proposal = await pendingProposal(id, deps.sources);
  const now = deps.clock.now();
  const decision = { by, at: now.toISOString(), reason: input.reason };
  await deps.sources.decide(id, 'rejected', decision, now);
  return { ...proposal, status: 'rejected', decision };
};
