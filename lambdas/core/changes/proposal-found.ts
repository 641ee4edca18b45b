import type { AlertEvent } from '../alerts/alert-event.ts';
import { alertEventId, dedupKeys } from '../alerts/alert-event-id.ts';
import { stateName } from '../reference/state-names.ts';
import type { FoundProposal } from '../sources/stored-proposal.ts';

/** The alert for a proposal the source job stored: "a report may have arrived from <state> (<symbol>)". */
export const proposalFoundEvent = ({ id, foundAt, proposal }: FoundProposal): AlertEvent => {
  const { document, state, committee, datedOn } = proposal;
  const dedupKey = dedupKeys.sourceProposal(document.symbol);
  return {
    id: alertEventId(dedupKey),
    type: 'source.proposal',
    at: foundAt,
    ...(state === undefined ? {} : { state }),
    ...(committee === undefined ? {} : { committee }),
    data: {
      proposalId: id,
      symbol: document.symbol,
      title: document.title,
      ...(state === undefined ? {} : { stateName: stateName(state) }),
      ...(datedOn === undefined ? {} : { datedOn }),
      ...(document.url === undefined ? {} : { url: document.url }),
    },
    dedupKey,
  };
};
