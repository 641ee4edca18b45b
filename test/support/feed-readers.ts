import { XMLParser } from 'fast-xml-parser';
import ical, { type ParameterValue, type VAlarm, type VEvent } from 'node-ical';

/** A VEVENT as a calendar app shows it, read back by node-ical. */
export interface CalendarEvent {
  readonly uid: string;
  /** DTSTAMP, ISO-8601. */
  readonly stamp: string;
  /** Whether DTSTART is a DATE (an all-day event). */
  readonly allDay: boolean;
  /** DTSTART and DTEND as calendar days. */
  readonly start: string;
  readonly end: string | undefined;
  readonly summary: string;
  readonly description: string;
  readonly alarms: readonly Pick<VAlarm, 'action' | 'trigger' | 'description'>[];
}

const textValue = (value: ParameterValue | undefined): string =>
  value === undefined ? '' : typeof value === 'string' ? value : value.val;

/** node-ical gives an all-day date as local midnight; this is its calendar day. */
const calendarDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** What a calendar app reads from the text: its events, in order. */
export const calendarEvents = (text: string): CalendarEvent[] =>
  Object.values(ical.sync.parseICS(text))
    .filter((component): component is VEvent => component?.type === 'VEVENT')
    .map((event) => ({
      uid: event.uid,
      stamp: event.dtstamp.toISOString(),
      allDay: event.datetype === 'date',
      start: calendarDay(event.start),
      end: event.end && calendarDay(event.end),
      summary: textValue(event.summary),
      description: textValue(event.description),
      alarms: (event.alarms ?? []).map(({ action, trigger, description }) => ({ action, trigger, description })),
    }));

/** An element with attributes (`type="html"`) parses to an object; a bare one to its text. */
export type AtomText = string | { readonly '#text': string; readonly '@_type'?: string };

export interface AtomEntry {
  readonly id: string;
  readonly title: AtomText;
  readonly updated: string;
  readonly published: string;
  readonly content: AtomText;
  readonly link: readonly { readonly '@_href': string }[];
}

export interface AtomFeed {
  readonly '@_xmlns': string;
  readonly id: string;
  readonly title: AtomText;
  readonly updated: string;
  readonly link: readonly { readonly '@_rel'?: string; readonly '@_href': string }[];
  readonly author: { readonly name: string };
  readonly entry?: readonly AtomEntry[];
}

/** What a feed reader sees, parsed back from the XML; fails on XML that is not well formed. */
export const parseAtom = (xml: string): AtomFeed => {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    isArray: (name) => name === 'entry' || name === 'link',
    parseTagValue: false,
  }).parse(xml, true) as { feed?: AtomFeed };
  if (!parsed.feed) throw new Error('not an Atom feed: no <feed> element');
  return parsed.feed;
};

const entities: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&amp;': '&',
};

/** The text a reader shows: `type="html"` content is decoded as HTML is (the entities this service writes). */
export const atomText = (node: AtomText): string => {
  if (typeof node === 'string') return node;
  return node['@_type'] === 'html'
    ? node['#text'].replace(/&(lt|gt|quot|#39|amp);/g, (entity) => entities[entity] ?? entity)
    : node['#text'];
};
