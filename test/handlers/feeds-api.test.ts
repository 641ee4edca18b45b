import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { deriveDeadlineEvents } from '../../lambdas/core/checks/deadline-events.ts';
import { runDeadlineCheck } from '../../lambdas/core/checks/run-deadline-check.ts';
import { FEED_MAX_ENTRIES } from '../../lambdas/core/feeds/watch-feed.ts';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import { loadStandingData } from '../../lambdas/core/status/standing-data.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { atomText, calendarEvents, parseAtom } from '../support/feed-readers.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
/** The instant of the recent check: inside the feeds' window, unlike 23 March 2019. */
const recentCheck = new Date(Date.now() - 86_400_000).toISOString();

const succeed = async (response: Promise<{ status: number; text: string }>, what: string): Promise<void> => {
  const { status, text } = await response;
  if (status >= 300) throw new Error(`${what}: ${status} ${text}`);
};

/** The scheduled deadline check, run in this process on the API's table, with the adapters the scheduled function uses. */
const scheduledCheck = (at: string) => runDeadlineCheck(new Date(at), api.deps);

/**
 * What the check of 23 March 2019 left behind, as the checker works it out: its memory (everyone but
 * Russia and Equatorial Guinea announced overdue on the midterm) and, of its 191 alerts, the one the
 * tests look at, Nigeria's, long before the feeds' window. The other 190 are left unstored to keep
 * the file fast.
 */
const rememberTheCheckOf2019 = async (): Promise<AlertEvent> => {
  const { obligations, groupIdsOfState, reports, remaining } = await loadStandingData(api.deps);
  const { events, memory } = deriveDeadlineEvents({
    at: new Date('2019-03-23T06:00:00.000Z'),
    obligations,
    states: memberStates(),
    groupIdsOfState,
    reports,
    remaining,
    memory: [],
  });
  const nigeria = events.find((event) => event.type === 'report.overdue' && event.state === 'NG');
  if (!nigeria) throw new Error('no overdue alert for Nigeria');
  const { checkerMemory, alertEvents } = api.deps;
  await checkerMemory.remember(memory, isoDate('2019-03-23'));
  await alertEvents.putIfAbsent({ ...nigeria, waveId: 'test' });
  return nigeria;
};

let nigeriaOverdueIn2019: AlertEvent;
/** Just before the test records its reports and figure, and just after: the data's last change is between. */
let recordingFrom: number;
let recordingTo: number;
beforeAll(async () => {
  api = await startSeededTestApi();
  recordingFrom = Date.now();
  for (const state of ['RU', 'GQ'])
    await succeed(
      api.send('POST', `/states/${state}/reports`, { obligationId: '2397-p8-midterm', reportDate: '2019-03-20' }),
      `${state}'s report`,
    );
  await succeed(
    api.send('PUT', '/states/RU/figures/workers.remaining', {
      value: 511,
      asOf: '2020-03-22',
      source: { kind: 'un-report', ref: 'Russia final report' },
    }),
    "Russia's figure",
  );
  recordingTo = Date.now();
  nigeriaOverdueIn2019 = await rememberTheCheckOf2019();
  // Yesterday: everyone overdue on the final report (the midterm is remembered), and the repatriation deadline passed.
  await scheduledCheck(recentCheck);
});
afterAll(() => api.close());

/** A GET as a calendar app or feed reader sends it: no token, and the body read as text. */
const fetchText = async (pathOrUrl: string) => {
  const response = await fetch(pathOrUrl.startsWith('http') ? pathOrUrl : `${api.url}${pathOrUrl}`);
  return { status: response.status, headers: response.headers, text: await response.text() };
};

/** The calendar event of one obligation's deadline, found by the obligation id its UID starts with. */
const eventOf = <Event extends { readonly uid: string }>(events: readonly Event[], obligationId: string) =>
  events.find((event) => event.uid.startsWith(`deadline-${obligationId}-`));

const errorOf = (text: string) => (JSON.parse(text) as { error: { code: string; field?: string } }).error;

describe('GET /calendar.ics', () => {
  it('is an iCalendar feed of every deadline, public and cacheable, that node-ical reads back with its alarms', async () => {
    const { status, headers, text } = await fetchText('/calendar.ics');
    const events = calendarEvents(text);

    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    // Every fixed deadline of the registry; duties due only when triggered, or at no fixed date, have none.
    expect(events.map((event) => [event.start, event.allDay])).toEqual([
      ['1991-08-01', true],
      ['1992-01-04', true],
      ['1992-05-15', true],
      ['1992-06-22', true],
      ['1994-01-15', true],
      ['1994-06-06', true],
      ['1997-11-01', true],
      ['1997-11-07', true],
      ['1998-04-30', true],
      ['1998-07-22', true],
      ['1999-12-14', true],
      ['2000-06-16', true],
      ['2000-08-04', true],
      ['2001-02-18', true],
      ['2001-12-27', true],
      ['2002-04-16', true],
      ['2002-07-02', true],
      ['2002-08-04', true],
      ['2003-04-17', true],
      ['2004-03-31', true],
      ['2004-05-11', true],
      ['2004-10-28', true],
      ['2005-02-13', true],
      ['2005-06-02', true],
      ['2006-03-01', true],
      ['2006-03-15', true],
      ['2006-11-13', true],
      ['2007-02-21', true],
      ['2007-03-15', true],
      ['2007-05-23', true],
      ['2008-05-02', true],
      ['2009-02-05', true],
      ['2009-03-20', true],
      ['2009-07-27', true],
      ['2010-04-22', true],
      ['2011-06-26', true],
      ['2013-06-05', true],
      ['2014-04-28', true],
      ['2019-03-22', true],
      ['2019-12-22', true],
      ['2020-03-22', true],
    ]);
    expect(events.map((event) => event.alarms.map((alarm) => alarm.trigger))).toEqual(Array(41).fill(['-P7D', '-P1D']));
  });

  it("is stamped with the data's last change, so the same data gives the same file, CRLF to its last line", async () => {
    const first = await fetchText('/calendar.ics');
    // DTSTAMP has whole seconds: a stamp taken from the request's time would differ by now.
    await new Promise((done) => setTimeout(done, 1100));
    const again = await fetchText('/calendar.ics');
    const stamps = new Set(calendarEvents(first.text).map((event) => Date.parse(event.stamp)));

    expect(again.text).toBe(first.text);
    expect(stamps.size).toBe(1);
    const [stamp = 0] = stamps;
    // The newest record is Russia's figure, recorded last; DTSTAMP drops the milliseconds.
    expect(stamp).toBeGreaterThanOrEqual(Math.floor(recordingFrom / 1000) * 1000);
    expect(stamp).toBeLessThanOrEqual(recordingTo);
    expect(first.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(first.text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
  });

  it('asks calendar apps to refresh as often as it lets caches keep it', async () => {
    const { headers, text } = await fetchText('/calendar.ics');
    const maxAge = Number(/max-age=(\d+)/.exec(headers.get('cache-control') ?? '')?.[1]);
    const refreshMinutes = Number(/^REFRESH-INTERVAL;VALUE=DURATION:PT(\d+)M$/m.exec(text.replaceAll('\r', ''))?.[1]);

    expect(maxAge).toBe(900);
    expect(refreshMinutes * 60).toBe(maxAge);
  });

  it("says, as of now, which states still owe each deadline, and keeps each event's UID from one request to the next", async () => {
    const first = calendarEvents((await fetchText('/calendar.ics')).text);
    const again = calendarEvents((await fetchText('/calendar.ics')).text);
    const midterm = eventOf(first, '2397-p8-midterm')?.description.split('\n') ?? [];
    const libya = eventOf(first, '1970-p25-measures')?.description.split('\n') ?? [];

    expect(midterm[1]).toMatch(/^As of \d{1,2} \w+ \d{4}, 191 of 193 states are yet to report:$/);
    expect(midterm).toContainEqual(expect.stringMatching(/^- Nigeria \(NG\): [\d,]+ days overdue$/));
    expect(midterm.filter((line) => /\((RU|GQ)\)/.test(line))).toEqual([]);
    expect(again.map((event) => event.uid)).toEqual(first.map((event) => event.uid));
    expect(libya.slice(1)).toEqual([
      "The states' reports on it are not recorded here, so no state is listed as owing it.",
    ]);
  });

  it('narrows to a group, a state and an obligation', async () => {
    const africa = calendarEvents((await fetchText('/calendar.ics?group=africa&obligation=2397-p8-midterm')).text);
    const russia = calendarEvents((await fetchText('/calendar.ics?state=RUS')).text);
    const russiaFinal = calendarEvents((await fetchText('/calendar.ics?state=ru&obligation=2397-p8-final')).text);

    expect(africa).toHaveLength(1);
    expect(africa[0]?.description.split('\n')[1]).toMatch(/, 53 of 54 states are yet to report:$/);
    expect(
      ['2397-p8-midterm', '2397-p8-repatriation', '2397-p8-final'].map(
        (id) => eventOf(russia, id)?.description.split('\n')[1],
      ),
    ).toEqual([
      expect.stringMatching(/, every state it applies to has reported\.$/),
      expect.stringMatching(/, 1 of 1 state is yet to act:$/),
      expect.stringMatching(/, 1 of 1 state is yet to report:$/),
    ]);
    expect(russiaFinal.map((event) => event.start)).toEqual(['2020-03-22']);
  });

  it("narrows to a committee's obligations", async () => {
    const dprk = calendarEvents((await fetchText('/calendar.ics?committee=1718&state=RU')).text);
    // The 2140 (Yemen) Committee: the registry holds no duty of it.
    const other = calendarEvents((await fetchText('/calendar.ics?committee=2140')).text);

    expect(dprk.map((event) => event.start)).toEqual([
      '2006-11-13',
      '2009-07-27',
      '2013-06-05',
      '2019-03-22',
      '2019-12-22',
      '2020-03-22',
    ]);
    expect(other).toEqual([]);
  });

  it.each([
    ['?committee=dprk', 400, 'committee'],
    ['?group=atlantis', 404, 'group'],
    ['?group=Not%20a%20slug', 400, 'group'],
    ['?state=XX', 404, 'state'],
    ['?state=R1', 400, 'state'],
    ['?obligation=2397-p99', 400, 'obligation'],
    ['?obligations=2397-p8-final', 400, 'obligations'],
  ])('answers %s with %i naming the field, in JSON', async (query, expected, field) => {
    const { status, headers, text } = await fetchText(`/calendar.ics${query}`);

    expect(status).toBe(expected);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(errorOf(text).field).toBe(field);
  });
});

interface FeedKey {
  key: string;
  feedUrl: string;
}

const createWatch = async (body: Record<string, unknown>): Promise<string> => {
  const created = await api.send('POST', '/watches', { channel: { email: 'uma@example.org' }, ...body }, 'user');
  if (created.status !== 201) throw new Error(`could not create the watch: ${created.text}`);
  return (created.json as { id: string }).id;
};

const rotate = async (watchId: string, as: 'user' | 'other' = 'user') =>
  api.request(`/watches/${watchId}/feed-key`, { method: 'POST', as });

const newKey = async (watchId: string): Promise<FeedKey> => {
  const { status, json } = await rotate(watchId);
  if (status !== 200) throw new Error(`could not rotate the key: ${status}`);
  return json as FeedKey;
};

describe("a watch's Atom feed", () => {
  it('gets a key from its owner, and reads as Atom with the alerts the watch matches from the last 90 days', async () => {
    // Pending confirmation: a feed has no address to confirm, so it serves the watch's matches regardless.
    const id = await createWatch({
      name: 'Russia and Nigeria',
      target: { states: ['RU', 'NG'] },
      events: ['report.overdue', 'deadline.passed'],
    });

    const { key, feedUrl } = await newKey(id);
    const { status, headers, text } = await fetchText(feedUrl);
    const feed = parseAtom(text);
    const entries = feed.entry ?? [];
    const alerts = (await api.request(`/alerts?state=NG&type=report.overdue`)).json as {
      alerts: { id: string; obligationId: string }[];
    };
    const finalOverdue = alerts.alerts.find((alert) => alert.obligationId === '2397-p8-final');

    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(feedUrl).toBe(`${api.url}/watches/${id}/feed.atom?key=${key}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(feed.title).toBe('sanctions-watch: Russia and Nigeria');
    expect(feed.link).toContainEqual({ '@_rel': 'self', '@_href': feedUrl });
    expect(feed.updated).toBe(recentCheck);
    expect(entries.map((entry) => atomText(entry.title)).sort()).toEqual([
      'Deadline passed: Repatriation of all DPRK nationals earning income abroad (2 states not met)',
      'Nigeria overdue: Final report on repatriated DPRK workers',
      expect.stringMatching(/^Russia.* overdue: Final report on repatriated DPRK workers$/),
    ]);
    expect(entries.map((entry) => entry.id)).toContain(`urn:sanctions-watch:alert:${finalOverdue?.id ?? '?'}`);
    expect(alerts.alerts.map((alert) => alert.id)).toContain(nigeriaOverdueIn2019.id);
    expect(entries.map((entry) => entry.id)).not.toContain(`urn:sanctions-watch:alert:${nigeriaOverdueIn2019.id}`);
    expect(entries.map((entry) => atomText(entry.content)).join('\n')).toMatch(
      /\(RU\): 511 remaining as of 22 March 2020/,
    );
  });

  it('pages its entries 50 at a time, linking each page to the next older one (RFC 5005), until none is left', async () => {
    const id = await createWatch({ target: { all: true }, events: ['report.overdue'] });
    const { feedUrl } = await newKey(id);
    const hrefOf = (feed: ReturnType<typeof parseAtom>, rel: string) =>
      feed.link.find((link) => link['@_rel'] === rel)?.['@_href'];
    const pages: ReturnType<typeof parseAtom>[] = [];
    for (let url: string | undefined = feedUrl; url !== undefined && pages.length < 10; ) {
      const page = parseAtom((await fetchText(url)).text);
      pages.push(page);
      url = hrefOf(page, 'next');
    }
    const entries = pages.flatMap((page) => page.entry ?? []);
    const overdue = (await api.request('/alerts?type=report.overdue&limit=500')).json as { alerts: unknown[] };

    expect(pages[0]?.entry).toHaveLength(FEED_MAX_ENTRIES);
    expect(hrefOf(pages[0] as ReturnType<typeof parseAtom>, 'next')).toBe(`${feedUrl}&page=2`);
    expect(hrefOf(pages[1] as ReturnType<typeof parseAtom>, 'previous')).toBe(feedUrl);
    expect(hrefOf(pages[1] as ReturnType<typeof parseAtom>, 'first')).toBe(feedUrl);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.at(-1)?.entry?.length).toBeLessThanOrEqual(FEED_MAX_ENTRIES);
    // Every overdue alert of the window once, the one of 2019 (outside it) not at all.
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    expect(entries).toHaveLength(overdue.alerts.length - 1);
    expect(entries.every((entry) => entry.updated === recentCheck)).toBe(true);
  });

  it("keeps the accents of the states' names in its entries' titles", async () => {
    const id = await createWatch({ target: { states: ['CI'] }, events: ['report.overdue'] });

    const feed = parseAtom((await fetchText((await newKey(id)).feedUrl)).text);

    expect((feed.entry ?? []).map((entry) => atomText(entry.title))).toEqual([
      "Côte d'Ivoire overdue: Final report on repatriated DPRK workers",
    ]);
  });

  it('gives the feed a strong ETag, and a reader that has it a 304', async () => {
    const id = await createWatch({ target: { states: ['NG'] }, events: ['report.overdue'] });
    const { feedUrl } = await newKey(id);
    const first = await fetch(feedUrl);
    const etag = first.headers.get('etag') ?? '';
    const again = await fetch(feedUrl, { headers: { 'if-none-match': etag } });

    expect(first.status).toBe(200);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('answers one and the same 404 to a wrong, missing, replaced or foreign key and to an unknown watch', async () => {
    const id = await createWatch({ target: { states: ['NG'] }, events: ['report.overdue'] });
    const other = await createWatch({ target: { states: ['RU'] }, events: ['report.overdue'] });
    const old = await newKey(id);
    const current = await newKey(id);
    const othersKey = await newKey(other);
    const guess = randomBytes(32).toString('base64url');

    const answers = await Promise.all(
      [
        `/watches/${id}/feed.atom?key=${old.key}`,
        `/watches/${id}/feed.atom?key=${guess}`,
        `/watches/${id}/feed.atom`,
        `/watches/${id}/feed.atom?key=short`,
        `/watches/${id}/feed.atom?key=${othersKey.key}`,
        `/watches/no-such-watch/feed.atom?key=${current.key}`,
      ].map(fetchText),
    );

    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(404));
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(errorOf(answers[0]?.text ?? '{}').code).toBe('feed-not-found');
    expect((await fetchText(current.feedUrl)).status).toBe(200);
  });

  it('lets only the owner rotate the key, never shows it or its hash again, and forgets it with the watch', async () => {
    const id = await createWatch({ target: { states: ['NG'] }, events: ['report.overdue'] });
    const { key, feedUrl } = await newKey(id);

    const byOther = await rotate(id, 'other');
    const anonymous = await fetch(`${api.url}/watches/${id}/feed-key`, { method: 'POST' });
    const view = await api.request(`/watches/${id}`, { as: 'user' });
    const stillWorks = await fetchText(feedUrl);
    await succeed(api.request(`/watches/${id}`, { method: 'DELETE', as: 'user' }), 'deleting the watch');

    expect(byOther.status).toBe(404);
    expect(anonymous.status).toBe(401);
    expect(view.text).not.toContain(key);
    expect(view.text).not.toMatch(/keyHash|feedKey/i);
    expect(stillWorks.status).toBe(200);
    expect((await fetchText(feedUrl)).status).toBe(404);
    expect((await rotate(id)).status).toBe(404);
  });
});
