import * as aws from '../../aws-dependencies.ts';
import { rejectProposalSchema } from '../../core/sources/proposal-schema.ts';
import { proposalView } from '../../core/sources/proposal-view.ts';
import { type ReviewDependencies, rejectProposal } from '../../core/sources/review-proposal.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requireAdmin } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { jsonBody, pathParameter } from './request-input.ts';

/** POST /proposals/{id}/reject (admin) `{ reason }` — the document is not a report; the reason stays with it. */
export const handlerFor = (deps: Pick<ReviewDependencies, 'sources' | 'clock'>) =>
  httpHandler(async (event) => {
    const caller = requireAdmin(event);
    const input = jsonBody(event, rejectProposalSchema);
    return ok({ proposal: proposalView(await rejectProposal(pathParameter(event, 'id'), input, caller.sub, deps)) });
  });

export const handler = lazyHandler(() => handlerFor(aws.proposalReview()));
