import type { Delivery } from '../delivery/group-deliveries.ts';
import { fitParts, listOf, type Part, wordsOf } from './fit-parts.ts';
import { capitalised, figureChange, metricLabel, plural, sourceKindLabel, whoOf } from './format.ts';
import { gsm7Length, toGsm7 } from './gsm7.ts';
import { proposalHeadline } from './proposal-words.ts';
import { statesOf, type Topic, topicsOf } from './topics.ts';

/** One GSM-7 segment: a longer text is sent (and billed) as several. */
export const SMS_MAX_SEPTETS = 160;

/** The short reference that says who is texting. */
const SIGNATURE = ' sanctions-watch';

/** When a message is too long: the source reference gives way first, then the list of states, then the title. */
const SOURCE = 0;
const LIST = 1;
const TITLE = 2;

/** "Nigeria" alone; "53 states ... : DZ, AO, BJ... +50" when many, codes being what fits. */
const statesList = (states: readonly string[]): Part[] => (states.length > 1 ? [': ', listOf(states, LIST)] : []);

/** Essentials only: what, whom, the obligation and its date, or the figure, its date and source. */
const smsParts = (topic: Topic): Part[] => {
  const states = statesOf(topic);
  switch (topic.type) {
    case 'report.overdue': {
      const { title, dueDate } = topic.items[0].event.data;
      return [`${whoOf(states)} overdue on `, wordsOf(title, TITLE), ` (due ${dueDate})`, ...statesList(states), '.'];
    }
    case 'report.received': {
      const { title, late, daysLate, symbol } = topic.items[0].event.data;
      const single =
        states.length === 1
          ? `, ${late ? `${plural(daysLate, 'day')} late` : 'on time'}${symbol === undefined ? '' : `, ${symbol}`}`
          : '';
      return [`${whoOf(states)} reported on `, wordsOf(title, TITLE), single, ...statesList(states), '.'];
    }
    case 'deadline.approaching': {
      const { title, dueDate, daysLeft, kind } = topic.items[0].event.data;
      const pending =
        states.length > 0
          ? [`. ${states.length} yet to ${kind === 'report' ? 'report' : 'act'}: `, listOf(states, LIST)]
          : [];
      return [wordsOf(title, TITLE), ` due ${dueDate}, in ${plural(daysLeft, 'day')}`, ...pending, '.'];
    }
    case 'deadline.passed': {
      const { title, dueDate } = topic.items[0].event.data;
      const notMet = states.length > 0 ? [`. ${states.length} not met: `, listOf(states, LIST)] : ['. Met by all'];
      return ['Deadline passed for ', wordsOf(title, TITLE), ` (${dueDate})`, ...notMet, '.'];
    }
    case 'figure.changed': {
      // One state has one item: the net of all its changes, to its latest figure (topics.ts).
      const { data } = topic.items[0].event;
      if (states.length !== 1)
        return [`${metricLabel(data.metric)} changed for ${whoOf(states)}`, ...statesList(states), '.'];
      const kind = sourceKindLabel(data.source.kind);
      // A cut reference already ends in "...", which needs no full stop after it.
      const cuts =
        data.source.ref === undefined
          ? []
          : wordsOf(`${kind}: ${data.source.ref}`, SOURCE).variants.map((cut) =>
              cut.endsWith('...') ? cut : `${cut}.`,
            );
      const source = { variants: [...cuts, `${kind}.`], yieldOrder: SOURCE };
      return [
        `${whoOf(states)} ${metricLabel(data.metric)} ${figureChange(data, 'compact')} as of ${data.asOfCurrent}. `,
        source,
      ];
    }
    case 'source.proposal':
      return [`${proposalHeadline(topic.items)}.`];
  }
};

/** Capitalised before transliterating: an upper-case letter may be one GSM-7 lacks (è has no È there). */
const asSms = (text: string): string => toGsm7(capitalised(text));

/**
 * The text for one delivery: one GSM-7 segment (never UCS-2, which would cut it to 70
 * characters), the most pressing news with a count of the rest. A number that signed itself up
 * gets its signed manage link after it (`manageUrl`, ASCII that GSM-7 holds): a second segment.
 */
export const smsMessage = (delivery: Delivery, manageUrl?: string): string => {
  const [first, ...rest] = topicsOf(delivery.events);
  const more = rest.length > 0 ? ` +${rest.length} more.` : '';
  const news = asSms(
    fitParts([...smsParts(first), more, SIGNATURE], (text) => gsm7Length(asSms(text)) <= SMS_MAX_SEPTETS),
  );
  return manageUrl === undefined ? news : `${news} Manage: ${manageUrl}`;
};
