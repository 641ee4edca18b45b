import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { FEED_MAX_ENTRIES, type WatchFeedInput, watchFeedOf } from '../../lambdas/core/feeds/watch-feed.ts';
import { watchFeedAtom } from '../../lambdas/core/feeds/watch-feed-atom.ts';
import { parseAtom, atomText as textOf } from '../support/feed-readers.ts';
import {
  checkerEvents,
  dayAfterMidterm,
  figure,
  groupIdsOfState,
  russiaWorkPermits,
  watch,
} from '../support/watch-fixtures.ts';

const apiUrl = 'https://api.example.org';
const feedUrl = `${apiUrl}/watches/w-1/feed.atom?key=k`;
const now = new Date('2020-01-10T00:00:00.000Z');

/** 23 December 2019: the repatriation deadline passed, Russia with 511 still there. */
const repatriationPassed = (): AlertEvent[] =>
  checkerEvents(
    '2019-12-23T06:00:00.000Z',
    [],
    [figure('RU', 'workers.remaining', { value: 511 }, '2019-12-01')],
  ).filter((event) => event.type === 'deadline.passed');

/** Paused and muted: neither silences a feed, which is read, not sent. */
const russiaAndNigeria = watch({
  id: 'w-1',
  name: 'Russia & Nigeria <DPRK workers>',
  target: { states: ['RU', 'NG'] },
  events: ['report.overdue', 'deadline.passed', 'figure.changed'],
  status: 'paused',
  mutedUntil: '2030-01-01T00:00:00.000Z',
});

const input = (fields: Partial<WatchFeedInput> = {}): WatchFeedInput => ({
  watch: russiaAndNigeria,
  feedUrl,
  events: [...dayAfterMidterm(), russiaWorkPermits, ...repatriationPassed()],
  groupIdsOfState,
  now,
  apiUrl,
  ...fields,
});

describe("a watch's Atom feed", () => {
  it("is valid Atom 1.0 naming the watch, its own URL, and the newest entry's time", () => {
    const feed = parseAtom(watchFeedAtom(watchFeedOf(input())));

    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('urn:sanctions-watch:watch:w-1');
    expect(textOf(feed.title)).toBe('sanctions-watch: Russia & Nigeria <DPRK workers>');
    expect(feed.updated).toBe('2019-12-23T06:00:00.000Z');
    expect(feed.link).toContainEqual({ '@_rel': 'self', '@_href': feedUrl });
    expect(feed.author.name).toBe('sanctions-watch');
  });

  it("has an entry per alert the watch matches, newest first, worded as the alert's email is", () => {
    const feed = parseAtom(watchFeedAtom(watchFeedOf(input())));
    const entries = feed.entry ?? [];
    const nigeriaOverdue = dayAfterMidterm().find((event) => event.type === 'report.overdue' && event.state === 'NG');

    expect(entries.map((entry) => entry.updated)).toEqual([
      '2019-12-23T06:00:00.000Z',
      '2019-03-25T10:00:00.000Z',
      '2019-03-23T06:00:00.000Z',
      '2019-03-23T06:00:00.000Z',
    ]);
    expect(entries.map((entry) => entry.id)).toContain(`urn:sanctions-watch:alert:${nigeriaOverdue?.id ?? ''}`);
    expect(entries.map((entry) => textOf(entry.title))).toEqual([
      'Deadline passed: Repatriation of all DPRK nationals earning income abroad (2 states not met)',
      // The title as the content words it, not the mail subject's ASCII.
      expect.stringMatching(/: valid work permits 30,023→11,490 \(−61\.7%\)$/),
      ...['Russia', 'Nigeria'].map((name) =>
        expect.stringMatching(new RegExp(`^${name}.* overdue: Midterm report on repatriated DPRK workers$`)),
      ),
    ]);
    expect(textOf(entries[0]?.content ?? '').split('<br/>\n')).toEqual([
      'Deadline passed 1 day ago: Repatriation of all DPRK nationals earning income abroad',
      'Obligation 2397-p8-repatriation, due 22 December 2019. Met by 0 of 193 states.',
      'Not met (2 of 193):',
      '- Nigeria (NG)',
      expect.stringMatching(/\(RU\): 511 remaining as of 1 December 2019$/),
    ]);
    expect(entries[0]?.link[0]?.['@_href']).toBe(
      `${apiUrl}/alerts?type=deadline.passed&since=2019-12-23T06%3A00%3A00.000Z`,
    );
  });

  it('keeps at most the newest entries, and says now when it has none', () => {
    const everyone = watch({ id: 'w-2', target: { all: true }, events: ['report.overdue'] });
    const quiet = watch({ id: 'w-3', target: { states: ['GQ'] }, events: ['report.overdue'] });

    expect(watchFeedOf(input({ watch: everyone })).entries).toHaveLength(FEED_MAX_ENTRIES);
    const empty = parseAtom(watchFeedAtom(watchFeedOf(input({ watch: quiet }))));
    expect(empty.entry).toBeUndefined();
    expect(empty.updated).toBe(now.toISOString());
  });
});
