import type { InterimFigure } from '../changes/net-figure-change.ts';
import type { DeliveredEvent, Delivery } from '../delivery/group-deliveries.ts';
import type { IsoDate } from '../time/calendar-date.ts';
import { fitParts, type Part, wordsOf } from './fit-parts.ts';
import {
  capitalised,
  figureChange,
  formatAmount,
  formatDate,
  metricLabel,
  plural,
  sourceKindLabel,
  stateLabel,
  whoOf,
} from './format.ts';
import { proposalHeadline, proposalLines } from './proposal-words.ts';
import { statesOf, type Topic, topicsOf } from './topics.ts';
import { toAscii } from './transliterate.ts';

/** What starts a message that is not news as it happens: a digest, a reminder. */
export interface MessageLead {
  /** Starts the subject, e.g. "Digest: ". */
  readonly subject: string;
  /** The body's first paragraph. */
  readonly intro: string;
}

export interface EmailMessage {
  readonly subject: string;
  readonly body: string;
}

/** SNS email subjects: ASCII, no line breaks, at most 100 characters. */
export const SUBJECT_MAX_LENGTH = 100;

/** The subject's words for a topic; only the obligation title gives way when it is too long. */
const headline = (topic: Topic): Part[] => {
  const states = statesOf(topic);
  switch (topic.type) {
    case 'report.overdue':
      return [`${whoOf(states)} overdue: `, wordsOf(topic.items[0].event.data.title, 0)];
    case 'report.received': {
      const { title, late, daysLate } = topic.items[0].event.data;
      const lateness = states.length === 1 && late ? ` ${plural(daysLate, 'day')} late` : '';
      return [`${whoOf(states)} reported${lateness}: `, wordsOf(title, 0)];
    }
    case 'deadline.approaching': {
      const { title, daysLeft, kind } = topic.items[0].event.data;
      const pending = states.length > 0 ? `: ${whoOf(states)} yet to ${kind === 'report' ? 'report' : 'act'}` : '';
      return [wordsOf(title, 0), ` due in ${plural(daysLeft, 'day')}${pending}`];
    }
    case 'deadline.passed':
      return [
        'Deadline passed: ',
        wordsOf(topic.items[0].event.data.title, 0),
        states.length > 0 ? ` (${whoOf(states)} not met)` : ' (met by all)',
      ];
    case 'figure.changed': {
      const { data } = topic.items[0].event;
      if (states.length !== 1) return [`${metricLabel(data.metric)} changed for ${whoOf(states)}`];
      return [
        `${whoOf(states)}: ${metricLabel(data.metric)} ${figureChange(data, 'compact')}${data.first ? ' (first figure)' : ''}`,
      ];
    }
    case 'source.proposal':
      return [proposalHeadline(topic.items)];
  }
};

/** One line, capitalised: a feed entry's title, which keeps every accent. */
const asTitle = (text: string): string => capitalised(text.replace(/\s+/g, ' ').trim());
/** A mail subject: the title in ASCII. */
const asSubject = (text: string): string => asTitle(toAscii(text));

/** The first topic (the most pressing, by delivery order) names the message; the rest are counted. */
const subjectOf = (
  [first, ...rest]: readonly [Topic, ...Topic[]],
  lead: string,
  form: (text: string) => string = asSubject,
): string => {
  const parts = [lead, ...headline(first), rest.length > 0 ? ` (+${rest.length} more)` : ''];
  return form(fitParts(parts, (text) => form(text).length <= SUBJECT_MAX_LENGTH));
};

const obligationLine = (obligationId: string | undefined, dueDate: IsoDate | undefined): string =>
  `Obligation ${obligationId ?? '(unknown)'}, ${dueDate === undefined ? 'with no fixed deadline' : `due ${formatDate(dueDate)}`}.`;

/** "(12)" when the contact covers every state concerned, "(12 of 150)" when only some. */
const countOf = (shown: number, total: number): string => (shown < total ? `${shown} of ${total}` : `${shown}`);

/** The figures a state's changes told as one went through, between the previous figure and the latest. */
const interimLines = (interim: readonly InterimFigure[], unit: string): string[] =>
  interim.length === 0
    ? []
    : [
        `  Figures in between: ${interim.map(({ amount, asOf }) => `${formatAmount(amount)} ${unit} as of ${formatDate(asOf)}`).join('; ')}.`,
      ];

/** The body's lines for one topic: what happened, the obligation and its due date, the states, figures and sources. */
const section = (topic: Topic): string[] => {
  switch (topic.type) {
    case 'report.overdue': {
      const { event } = topic.items[0];
      return [
        `${whoOf(statesOf(topic))} overdue: ${event.data.title}`,
        obligationLine(event.obligationId, event.data.dueDate),
        ...topic.items.flatMap(({ event: { data }, states }) =>
          states.map((code) => `- ${stateLabel(code)}: ${plural(data.daysOverdue, 'day')} overdue`),
        ),
      ];
    }
    case 'report.received': {
      const { event } = topic.items[0];
      return [
        `${whoOf(statesOf(topic))} reported: ${event.data.title}`,
        obligationLine(event.obligationId, event.data.dueDate),
        ...topic.items.flatMap(({ event: { data }, states }) =>
          states.flatMap((code) => {
            const timing = data.late
              ? `${plural(data.daysLate, 'day')} late${data.resolvesOverdue ? '; no longer overdue' : ''}`
              : 'on time';
            const document = [data.symbol, data.url].filter((part) => part !== undefined);
            return [
              `- ${stateLabel(code)}: report dated ${formatDate(data.reportDate)}, submitted ${formatDate(data.submittedOn)}, ${timing}.`,
              ...(document.length > 0 ? [`  Document: ${document.join(', ')}`] : []),
              ...(data.public ? [] : ['  Not published: the state asked the Committee to keep it confidential.']),
            ];
          }),
        ),
      ];
    }
    case 'deadline.approaching': {
      const [{ event, states }] = topic.items;
      const { data } = event;
      return [
        `Deadline in ${plural(data.daysLeft, 'day')}: ${data.title}`,
        `Obligation ${event.obligationId ?? '(unknown)'} (${data.kind === 'report' ? 'a report' : 'an action'}), due ${formatDate(data.dueDate)}.`,
        states.length > 0 ? `Still pending (${countOf(states.length, data.pendingCount)}):` : 'No state is pending.',
        ...states.map((code) => `- ${stateLabel(code)}`),
      ];
    }
    case 'deadline.passed': {
      const [{ event, states }] = topic.items;
      const { data } = event;
      const notMet = new Map(data.notMet.map((entry) => [entry.code, entry]));
      const remaining = (code: string): string => {
        const entry = notMet.get(code);
        if (entry?.remaining === undefined) return '';
        return `: ${formatAmount(entry.remaining)} remaining${entry.asOf === undefined ? '' : ` as of ${formatDate(entry.asOf)}`}`;
      };
      return [
        `Deadline passed ${plural(data.daysPassed, 'day')} ago: ${data.title}`,
        `${obligationLine(event.obligationId, data.dueDate)} Met by ${data.metCount} of ${data.metCount + data.notMetCount} states.`,
        states.length > 0 ? `Not met (${countOf(states.length, data.notMetCount)}):` : 'Every state met it.',
        ...states.map((code) => `- ${stateLabel(code)}${remaining(code)}`),
      ];
    }
    case 'figure.changed':
      return [
        `${topic.items.length > 1 ? 'Figures' : 'Figure'} changed: ${metricLabel(topic.items[0].event.data.metric)}`,
        ...topic.items.flatMap(({ event: { data }, states, interim }) =>
          states.flatMap((code) => {
            const previous =
              data.first || data.asOfPrevious === null
                ? ', the first figure'
                : `; previous figure as of ${formatDate(data.asOfPrevious)}`;
            const source = [sourceKindLabel(data.source.kind), data.source.ref, data.source.url].filter(
              (part) => part !== undefined,
            );
            return [
              `- ${stateLabel(code)}: ${figureChange(data, 'full')} as of ${formatDate(data.asOfCurrent)}${previous}.`,
              `  Source: ${source.join(', ')}`,
              ...interimLines(interim, data.unit),
            ];
          }),
        ),
      ];
    case 'source.proposal':
      return proposalLines(topic.items);
  }
};

/**
 * The email for one delivery: an ASCII subject that summarises (the most pressing news, and a
 * count of the rest), and a plain-text body with every event, ending with where to change or
 * stop the watch and, given the contact's signed link, how to stop all mail to the address.
 */
export const emailMessage = (
  delivery: Delivery,
  {
    manageUrl,
    lead,
    unsubscribeUrl,
  }: { readonly manageUrl: string; readonly lead?: MessageLead; readonly unsubscribeUrl?: string },
): EmailMessage => {
  const topics = topicsOf(delivery.events);
  const watches = delivery.watchIds.length > 1 ? 'these watches' : 'this watch';
  const body = [
    ...(lead ? [lead.intro, ''] : []),
    ...topics.flatMap((topic) => [...section(topic), '']),
    '--',
    'You receive this because you watch these events on sanctions-watch.',
    `To change or stop ${watches}: ${manageUrl}`,
    ...(unsubscribeUrl ? [`To stop all sanctions-watch email to this address and erase it: ${unsubscribeUrl}`] : []),
  ].join('\n');
  return { subject: subjectOf(topics, lead?.subject ?? ''), body };
};

/** One event as its email words it, without the footer: what a feed entry says. */
export const eventNews = (delivered: DeliveredEvent): { readonly title: string; readonly lines: readonly string[] } => {
  const topics = topicsOf([delivered]);
  return { title: subjectOf(topics, '', asTitle), lines: topics.flatMap(section) };
};
