import * as z from 'zod/mini';
import { nextCursor } from '../api/response-fields.ts';
import { recordedReportResponseSchema } from '../reports/report-response-schema.ts';
import { proposalStatuses, sourceFeeds } from './stored-proposal.ts';

/** A proposal as an admin reviews it: the document, what the service made of it and why, and any decision. */
export const proposalViewSchema = z.strictObject({
  id: z.string(),
  status: z.enum(proposalStatuses),
  feed: z.enum(sourceFeeds),
  foundAt: z.string(),
  document: z.strictObject({
    symbol: z.string(),
    title: z.string(),
    publishedOn: z.string(),
    languages: z.array(z.string()),
    url: z.optional(z.string()),
  }),
  committee: z.optional(z.string()),
  state: z.optional(z.string()),
  datedOn: z.optional(z.string()),
  obligationId: z.optional(z.string()),
  obligationCandidates: z.optional(z.int()),
  reasons: z.array(z.string()),
  /** Revisions and corrigenda of the document: never reports of their own. */
  amendments: z.array(z.string()),
  decision: z.optional(
    z.strictObject({
      by: z.string(),
      at: z.string(),
      reason: z.optional(z.string()),
      report: z.optional(z.strictObject({ state: z.string(), obligationId: z.string(), reportDate: z.string() })),
    }),
  ),
});

export type ProposalView = z.infer<typeof proposalViewSchema>;

/** `GET /proposals`: one status's proposals, oldest found first. */
export const proposalListResponseSchema = z.strictObject({
  count: z.int(),
  proposals: z.array(proposalViewSchema),
  next: nextCursor,
});

/** `POST /proposals/{id}/accept`: the proposal accepted, and the report recorded from it. */
export const acceptedProposalResponseSchema = z.strictObject({
  proposal: proposalViewSchema,
  ...recordedReportResponseSchema.shape,
});
