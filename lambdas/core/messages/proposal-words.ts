import { stateName } from '../reference/state-names.ts';
import { formatDate } from './format.ts';
import type { TopicItem } from './topics.ts';

type ProposalItem = TopicItem<'source.proposal'>;

/** The sender as the proposal named it, or that it named none the service knows as a member state. */
const senderOf = ({ event }: ProposalItem): string =>
  event.state === undefined ? 'a sender not known as a member state' : stateName(event.state);

/** "A report may have arrived from Egypt (S/AC.49/2024/6)"; for several, how many documents. */
export const proposalHeadline = (items: readonly [ProposalItem, ...ProposalItem[]]): string =>
  items.length === 1
    ? `A report may have arrived from ${senderOf(items[0])} (${items[0].event.data.symbol})`
    : `Reports may have arrived: ${items.length} documents to review`;

/** One line a document, and what to do: an admin reviews it (GET /proposals). */
export const proposalLines = (items: readonly [ProposalItem, ...ProposalItem[]]): string[] => [
  `${proposalHeadline(items)}.`,
  ...items.flatMap((item) => {
    const { data } = item.event;
    return [
      `- ${data.symbol}, from ${senderOf(item)}${data.datedOn === undefined ? '' : `, dated ${formatDate(data.datedOn)}`}: ${data.title}`,
      ...(data.url === undefined ? [] : [`  Document: ${data.url}`]),
    ];
  }),
  'Not yet a report: an admin accepts or rejects each (GET /proposals).',
];
