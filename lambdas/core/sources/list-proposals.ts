import type { SourceStore } from '../ports/source-store.ts';
import type { ProposalView } from './proposal-response-schema.ts';
import { proposalView } from './proposal-view.ts';
import type { ProposalStatus } from './stored-proposal.ts';

/** `GET /proposals`: a page of one status's proposals, oldest found first. */
export const listProposals = async (
  query: { readonly status: ProposalStatus; readonly limit: number; readonly after?: string | undefined },
  sources: SourceStore,
): Promise<{ readonly count: number; readonly proposals: ProposalView[]; readonly next?: string }> => {
  const page = await sources.listProposals({
    status: query.status,
    limit: query.limit,
    ...(query.after === undefined ? {} : { after: query.after }),
  });
  const proposals = page.proposals.map(proposalView);
  return { count: proposals.length, proposals, ...(page.next === undefined ? {} : { next: page.next }) };
};
