import * as z from 'zod/mini';
import { httpsUrlSchema, isoDateSchema, slugSchema, text } from '../validation/common-schemas.ts';
import { proposalStatuses } from './stored-proposal.ts';

/**
 * `POST /proposals/{id}/accept`: what the reviewer corrects or adds. Every field is optional: a
 * proposal that named its state, obligation and date needs none.
 */
export const acceptProposalSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    state: z.optional(z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "EG"'))),
    obligationId: z.optional(slugSchema),
    reportDate: z.optional(isoDateSchema),
    receivedOn: z.optional(isoDateSchema),
    public: z.optional(z.boolean()),
    url: z.optional(httpsUrlSchema),
    note: z.optional(text(2000)),
  }),
);

export type AcceptProposalInput = z.infer<typeof acceptProposalSchema>;

/** `POST /proposals/{id}/reject`: why, for the record and for whoever reviews next. */
export const rejectProposalSchema = /* @__PURE__ */ z.lazy(() => z.strictObject({ reason: text(500) }));

export type RejectProposalInput = z.infer<typeof rejectProposalSchema>;

export const proposalStatusSchema = /* @__PURE__ */ z.lazy(() => z.enum(proposalStatuses));
