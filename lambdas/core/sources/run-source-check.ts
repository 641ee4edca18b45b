import { DomainError } from '../errors.ts';
import { mapWithConcurrency } from '../map-with-concurrency.ts';
import type { Obligation } from '../obligations/obligation.ts';
import type { Clock } from '../ports/clock.ts';
import type { ServiceMetrics } from '../ports/service-metrics.ts';
import { MalformedFeedBody, type SourceFeedReader } from '../ports/source-feed.ts';
import type { FeedPosition } from '../ports/source-store.ts';
import { groupMembership } from '../reference/group-membership.ts';
import type { IsoDate } from '../time/calendar-date.ts';
import { utcDateOf } from '../time/calendar-date.ts';
import { type ProposalContext, proposalFor, type ReportProposal } from './document-proposal.ts';
import { acceptProposal, type ReviewDependencies } from './review-proposal.ts';
import { proposalIdOf, type SourceFeed } from './stored-proposal.ts';

/** Stores in flight at once: a day's list of hundreds is written in parallel, not one request after another. */
const STORE_CONCURRENCY = 16;

/** Who accepts a proposal when `autoAccept` does. */
export const AUTO_ACCEPT = 'auto-accept';

export interface SourceCheckSettings {
  /** Accept a proposal with a known state and committee and exactly one open obligation without review. */
  readonly autoAccept: boolean;
  /** How many days either side of a note's date an obligation's due date may lie. */
  readonly windowDays: number;
  /** At most this many reads of a feed per run: a feed far behind catches up over several runs. */
  readonly maxPagesPerFeed: number;
}

export interface SourceCheckDependencies extends ReviewDependencies {
  readonly feeds: readonly SourceFeedReader[];
  readonly serviceMetrics: ServiceMetrics;
  readonly settings: SourceCheckSettings;
  readonly clock: Clock;
}

export interface FeedOutcome {
  readonly feed: SourceFeed;
  readonly from: FeedPosition;
  /** The watermark after the run. */
  readonly to: FeedPosition;
  readonly pages: number;
  readonly documents: number;
  /** Report proposals stored for the first time. */
  readonly proposals: number;
  readonly amendments: number;
  /** Documents stored before (a re-run, an overlapping window). */
  readonly known: number;
  readonly autoAccepted: number;
  readonly recordErrors: readonly { readonly position: string; readonly message: string }[];
  /** Why the feed stopped before it was done: unreachable, or a body that could not be read. */
  readonly failure?: { readonly position?: string; readonly message: string };
}

export interface SourceCheckOutcome {
  readonly at: string;
  readonly feeds: readonly FeedOutcome[];
}

/**
 * Obligations a proposal may answer, and the ones a state has no open report on: a duty it has
 * reported on, or one it does not owe (a group duty outside its groups), is not open.
 */
const proposalContext = async (deps: SourceCheckDependencies): Promise<ProposalContext> => {
  const [obligations, reports, groups] = await Promise.all([
    deps.obligations.list(),
    deps.stateRecords.allReports(),
    deps.customGroups.list(),
  ]);
  const reportable = obligations.filter((obligation) => obligation.kind === 'report');
  const membership = groupMembership(groups);
  const reported = new Map<string, Set<string>>();
  for (const report of reports) {
    const ids = reported.get(report.state) ?? new Set<string>();
    ids.add(report.obligationId);
    reported.set(report.state, ids);
  }
  const owes = (alpha2: string, obligation: Obligation) =>
    obligation.appliesTo.scope === 'all' || membership(alpha2).has(obligation.appliesTo.groupId);
  const notOpen = (alpha2: string): ReadonlySet<string> =>
    new Set([
      ...(reported.get(alpha2) ?? []),
      ...reportable.filter((obligation) => !owes(alpha2, obligation)).map((obligation) => obligation.id),
    ]);
  return { obligations: reportable, reportedObligationIds: notOpen, windowDays: deps.settings.windowDays };
};

/**
 * autoAccept's rule: a known state, a known committee, a date, and exactly one open obligation of
 * the committee (owed, not reported on) due within the window of the note's date.
 */
const acceptsItself = (proposal: ReportProposal): boolean =>
  proposal.state !== undefined &&
  proposal.committee !== undefined &&
  proposal.datedOn !== undefined &&
  proposal.obligationId !== undefined &&
  proposal.obligationCandidates === 1;

const readFeed = async (
  reader: SourceFeedReader,
  today: IsoDate,
  context: ProposalContext,
  deps: SourceCheckDependencies,
): Promise<FeedOutcome> => {
  const from = (await deps.sources.watermark(reader.feed)) ?? reader.start(today);
  const counts = { pages: 0, documents: 0, proposals: 0, amendments: 0, known: 0, autoAccepted: 0 };
  const recordErrors: { position: string; message: string }[] = [];
  let position = from;
  try {
    for (let more = true; more && counts.pages < deps.settings.maxPagesPerFeed; ) {
      const page = await reader.read(position, today);
      counts.pages += 1;
      recordErrors.push(...page.recordErrors);
      counts.documents += page.documents.length;
      const stored = await mapWithConcurrency(page.documents, STORE_CONCURRENCY, async (document) => {
        const proposal = proposalFor(document, context);
        const outcome = await deps.sources.store({
          feed: reader.feed,
          foundAt: deps.clock.now().toISOString(),
          proposal,
        });
        return { proposal, outcome };
      });
      // Decided in the feed's order, after storing: of two notes that could settle one report, the first is accepted.
      for (const { proposal, outcome } of stored) {
        if (outcome === 'exists') counts.known += 1;
        else if (proposal.kind === 'amendment') counts.amendments += 1;
        else {
          counts.proposals += 1;
          deps.serviceMetrics.record('proposalsFound');
          if (deps.settings.autoAccept && acceptsItself(proposal)) {
            counts.autoAccepted += await autoAccept(proposal.document.symbol, deps);
          }
        }
      }
      // Only once the page's documents are stored: a crash before this reads the page again, which storing once absorbs.
      await deps.sources.advanceWatermark(reader.feed, page.next);
      position = page.next;
      more = page.more;
    }
  } catch (error) {
    const failure =
      error instanceof MalformedFeedBody
        ? { position: error.position, message: error.message }
        : { message: error instanceof Error ? error.message : String(error) };
    return { feed: reader.feed, from, to: position, ...counts, recordErrors, failure };
  }
  return { feed: reader.feed, from, to: position, ...counts, recordErrors };
};

/** 1 when accepted; 0 when the report path refused it (a report recorded already): it then waits for review. */
const autoAccept = async (symbol: string, deps: SourceCheckDependencies): Promise<number> => {
  try {
    await acceptProposal(proposalIdOf(symbol), {}, AUTO_ACCEPT, deps);
    return 1;
  } catch (error) {
    if (error instanceof DomainError) return 0;
    throw error;
  }
};

/**
 * The hourly source job: reads each feed from its watermark, turns each new document into a
 * proposal, stores it once, and moves the watermark on only after storing. One feed failing (out
 * of reach after the fetcher's retries, or a body that cannot be read) stops that feed alone.
 */
export const runSourceCheck = async (at: Date, deps: SourceCheckDependencies): Promise<SourceCheckOutcome> => {
  const context = await proposalContext(deps);
  const today = utcDateOf(at);
  const feeds: FeedOutcome[] = [];
  // One feed after the other: a document both feeds carry is then always credited to the first.
  for (const reader of deps.feeds) feeds.push(await readFeed(reader, today, context, deps));
  return { at: at.toISOString(), feeds };
};
