import * as z from 'zod/mini';
import type { IsoDate } from '../time/calendar-date.ts';
import { isoDateSchema } from '../validation/common-schemas.ts';
import type { Proposal } from './document-proposal.ts';

/** Where a proposal stands: waiting for an admin, or decided. */
export const proposalStatuses = ['pending', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** The feeds the source job reads. */
export const sourceFeeds = ['daily-issuance', 'digital-library'] as const;
export type SourceFeed = (typeof sourceFeeds)[number];

/** Who decided, when, and what came of it: the report recorded, or the reason it was not. */
export interface ProposalDecision {
  /** The admin's `sub`, or `auto-accept` when the job accepted it itself. */
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
  readonly report?: { readonly state: string; readonly obligationId: string; readonly reportDate: IsoDate };
}

/**
 * A reviewer's hold on a pending proposal while its report is recorded: only the holder may
 * accept it, and no one may reject it, until it is decided, let go of, or `until` has passed.
 */
export interface ProposalClaim {
  /** Tells this hold from a later one by the same reviewer. */
  readonly token: string;
  readonly by: string;
  /** ISO-8601 instant. */
  readonly until: string;
}

/**
 * A document a feed announced, as stored: once per symbol. A report proposal carries a status;
 * an amendment (revision or corrigendum) carries none, since it is never a report of its own, and
 * is listed on its original as one of `amendments`.
 */
export interface StoredSourceDocument {
  /** The proposal's id in the API: the symbol, base64url-encoded (symbols hold slashes). */
  readonly id: string;
  readonly feed: SourceFeed;
  /** ISO-8601 instant the job first stored it. */
  readonly foundAt: string;
  readonly proposal: Proposal;
  readonly status?: ProposalStatus;
  /** Symbols of the revisions and corrigenda of this document that were found. */
  readonly amendments?: readonly string[];
  readonly decision?: ProposalDecision;
}

/** A report proposal as stored: always with a status. */
export type StoredProposal = StoredSourceDocument & {
  readonly proposal: Extract<Proposal, { kind: 'report' }>;
  readonly status: ProposalStatus;
};

export const proposalIdOf = (symbol: string): string => Buffer.from(symbol.trim(), 'utf8').toString('base64url');

/** The symbol a proposal id stands for, or undefined when the id is not one this service made. */
export const symbolOfProposalId = (id: string): string | undefined => {
  if (!/^[A-Za-z0-9_-]{1,300}$/.test(id)) return undefined;
  const symbol = Buffer.from(id, 'base64url').toString('utf8');
  return symbol.length > 0 && proposalIdOf(symbol) === id ? symbol : undefined;
};

/**
 * A report proposal as the table's stream carries it: what its alert needs. (Its full shape was
 * checked on the way in, when the job made it from a parsed SourceDocument.)
 */
export const foundProposalSchema = /* @__PURE__ */ z.lazy(() =>
  z.looseObject({
    id: z.string(),
    foundAt: z.string(),
    status: z.enum(proposalStatuses),
    proposal: z.looseObject({
      kind: z.literal('report'),
      document: z.looseObject({ symbol: z.string(), title: z.string(), url: z.optional(z.string()) }),
      committee: z.optional(z.string()),
      state: z.optional(z.string()),
      datedOn: z.optional(isoDateSchema),
    }),
  }),
);

export type FoundProposal = z.infer<typeof foundProposalSchema>;
