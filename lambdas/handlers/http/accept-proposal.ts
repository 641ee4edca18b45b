import * as aws from '../../aws-dependencies.ts';
import { acceptProposalSchema } from '../../core/sources/proposal-schema.ts';
import { proposalView } from '../../core/sources/proposal-view.ts';
import { acceptProposal, type ReviewDependencies } from '../../core/sources/review-proposal.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requireAdmin } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody, pathParameter } from './request-input.ts';

/**
 * POST /proposals/{id}/accept (admin) `{ state?, obligationId?, reportDate?, … }` — records the
 * report as POST /states/{code}/reports does, with the document's symbol and URL as its source.
 */
export const handlerFor = (deps: ReviewDependencies) =>
  httpHandler(async (event) => {
    const caller = requireAdmin(event);
    const corrections = jsonBody(event, acceptProposalSchema, { optional: true });
    const { proposal, ...recorded } = await acceptProposal(pathParameter(event, 'id'), corrections, caller.sub, deps);
    return created({ proposal: proposalView(proposal), ...recorded });
  });

export const handler = lazyHandler(() => handlerFor(aws.proposalReview()));
