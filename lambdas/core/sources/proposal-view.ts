import type { ProposalView } from './proposal-response-schema.ts';
import type { StoredProposal } from './stored-proposal.ts';

/** The stored proposal flattened for the API: what it settled beside the document it came from. */
export const proposalView = (stored: StoredProposal): ProposalView => {
  const { kind: _kind, document, ...settled } = stored.proposal;
  return {
    id: stored.id,
    status: stored.status,
    feed: stored.feed,
    foundAt: stored.foundAt,
    document: { ...document, languages: [...document.languages] },
    ...settled,
    reasons: [...settled.reasons],
    amendments: [...(stored.amendments ?? [])],
    ...(stored.decision ? { decision: stored.decision } : {}),
  };
};
