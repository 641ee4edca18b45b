import { appliesToAllStates, defineObligation, type Obligation } from '../../obligations/obligation.ts';
import type { ObligationDue } from '../../obligations/obligation-due.ts';
import { isoDate } from '../../time/calendar-date.ts';
import type { RegistryDue, RegistryEntry, RegistryTrigger } from './registry-entry.ts';

const triggerOf = (trigger: RegistryTrigger) =>
  trigger.from === 'adoption' ? trigger : { ...trigger, date: isoDate(trigger.date) };

/**
 * The registry's due rule in the obligation model's terms. A day the paragraph names is a deadline
 * of no time after that day, the paragraph (where it was read) being the day's source: the API
 * and the checker then read it as any other dated duty.
 */
const dueOf = (due: RegistryDue, paragraphUrl: string): ObligationDue => {
  switch (due.type) {
    case 'by-date':
      return {
        type: 'once',
        within: { months: 0 },
        trigger: {
          from: 'named-date',
          name: 'the day the paragraph names',
          date: isoDate(due.date),
          sourceUrl: paragraphUrl,
        },
      };
    case 'once':
      return { ...due, trigger: triggerOf(due.trigger) };
    case 'recurring':
      return { ...due, trigger: triggerOf(due.trigger) };
    case 'open-ended':
    case 'conditional':
      return due;
  }
};

/** A registry entry as the catalogue holds it: owed by every member state, its words (and their language) and source kept. */
export const obligationOfEntry = (entry: RegistryEntry): Obligation =>
  defineObligation({
    id: entry.id,
    resolution: entry.resolution,
    paragraph: entry.paragraph,
    title: entry.title,
    description: '',
    kind: entry.kind,
    adoptedOn: isoDate(entry.adoptedOn),
    due: dueOf(entry.due, entry.source.url),
    appliesTo: appliesToAllStates,
    source: { document: entry.source.document, url: entry.source.url },
    committee: entry.committee,
    regime: entry.regime,
    quote: entry.quote,
    ...(entry.quoteIn === undefined ? {} : { quoteLanguage: entry.quoteIn.language }),
    reportsRecorded: entry.reportsRecorded === true,
  });
