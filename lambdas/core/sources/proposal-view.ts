import type { ProposalView } from './proposal-response-schema.ts';
import type { StoredProposal } from './stored-proposal.ts';

/** The stored proposal flattened for the API: what it settled beside the document it came from. */
export const proposalView = (stored: StoredProposal): ProposalView => {
  const { document, committee, state, datedOn, obligationId, obligationCandidates, reasons } = stored.proposal;
  return {
    id: stored.id,
    status: stored.status,
    feed: stored.feed,
    foundAt: stored.foundAt,
    document: { ...document, languages: [...document.languages] },
    ...(committee === undefined ? {} : { committee }),
    ...(state === undefined ? {} : { state }),
    ...(datedOn === undefined ? {} : { datedOn }),
    ...(obligationId === undefined ? {} : { obligationId }),
    ...(obligationCandidates === undefined ? {} : { obligationCandidates }),
    reasons: [...reasons],
    amendments: [...(stored.amendments ?? [])],
    ...(stored.decision ? { decision: stored.decision } : {}),
  };
};
