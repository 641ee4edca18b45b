import { formatDate } from '../messages/format.ts';
import type { IsoDate } from '../time/calendar-date.ts';
import { committeeOfSymbol } from './committee-series.ts';
import { type AmendmentKind, parseDocumentSymbol } from './document-symbol.ts';
import { likelyObligation, type ObligationCandidate } from './likely-obligation.ts';
import type { SourceDocument } from './source-document.ts';
import { titleDate } from './title-date.ts';
import { titleSender } from './title-sender.ts';

/**
 * What a reviewer is asked to accept: this document is state X's report on obligation Y. Every
 * field the title or symbol did not settle is left out, and `reasons` says why each was (or was
 * not) set, so a person can check it against the document.
 */
export interface ReportProposal {
  readonly kind: 'report';
  readonly document: SourceDocument;
  readonly committee?: string;
  readonly state?: string;
  readonly datedOn?: IsoDate;
  readonly obligationId?: string;
  /** How many open obligations of the committee fell within the window of the note's date; 1 is an unambiguous match. */
  readonly obligationCandidates?: number;
  readonly reasons: readonly string[];
}

/** A revision or corrigendum: it belongs with the original's report and is never a report of its own. */
export interface AmendmentProposal {
  readonly kind: 'amendment';
  readonly document: SourceDocument;
  readonly amends: string;
  readonly amendment: AmendmentKind;
  readonly reasons: readonly string[];
}

export type Proposal = ReportProposal | AmendmentProposal;

export interface ProposalContext {
  readonly obligations: readonly ObligationCandidate[];
  /** Obligation ids a state has already reported on, by alpha-2. */
  readonly reportedObligationIds: (alpha2: string) => ReadonlySet<string>;
  readonly windowDays: number;
}

const senderFacts = (title: string): { state?: string; reason: string } => {
  const sender = titleSender(title);
  switch (sender.kind) {
    case 'member':
      return {
        state: sender.alpha2,
        reason: `The title names the sender "${sender.written}": ${sender.name} (${sender.alpha2})`,
      };
    case 'observer':
      return { reason: `The sender "${sender.written}" is ${sender.name}, a UN observer state, not a member state` };
    case 'unknown':
      return { reason: `The sender "${sender.written}" is not a state name the service knows` };
    case 'none':
      return { reason: 'The title names no sending mission or representative' };
  }
};

/** Turns an announced document into a proposal; pure, so a reviewer's screen and a test see the same. */
export const proposalFor = (document: SourceDocument, context: ProposalContext): Proposal => {
  const symbol = parseDocumentSymbol(document.symbol);
  if (symbol.amendment) {
    return {
      kind: 'amendment',
      document,
      amends: symbol.original,
      amendment: symbol.amendment.kind,
      reasons: [`${symbol.symbol} is ${symbol.amendment.kind} ${symbol.amendment.number} of ${symbol.original}`],
    };
  }
  const series = committeeOfSymbol(symbol.symbol);
  const sender = senderFacts(document.title);
  const datedOn = titleDate(document.title);
  const reasons = [
    series
      ? `${symbol.symbol} is in the ${series.series} series: the ${series.committee} Committee`
      : `${symbol.symbol} is in no committee series the service knows`,
    sender.reason,
    datedOn ? `The title dates it ${formatDate(datedOn)}` : 'The title gives no date',
  ];
  const match =
    series && sender.state && datedOn
      ? likelyObligation({
          committee: series.committee,
          datedOn,
          obligations: context.obligations,
          reportedObligationIds: context.reportedObligationIds(sender.state),
          windowDays: context.windowDays,
        })
      : undefined;
  return {
    kind: 'report',
    document,
    ...(series ? { committee: series.committee } : {}),
    ...(sender.state ? { state: sender.state } : {}),
    ...(datedOn ? { datedOn } : {}),
    ...(match?.obligation ? { obligationId: match.obligation.id, obligationCandidates: match.candidates } : {}),
    reasons: match ? [...reasons, match.reason] : reasons,
  };
};
