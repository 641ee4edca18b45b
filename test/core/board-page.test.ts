import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderBoardPage } from '../../lambdas/core/board/board-page.ts';
import type { BoardPage, OverdueSort } from '../../lambdas/core/board/board-page-query.ts';
import { defaultColumn } from '../../lambdas/core/board/board-page-query.ts';
import type { Figure } from '../../lambdas/core/figures/figure.ts';
import { groupMembership } from '../../lambdas/core/reference/group-membership.ts';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import { seedMetrics } from '../../lambdas/core/reference/metrics.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import type { Report } from '../../lambdas/core/reports/report.ts';
import { buildStatusBoard, type ObligationColumn } from '../../lambdas/core/status/status-board.ts';
import { endOfUtcDay, isoDate } from '../../lambdas/core/time/calendar-date.ts';

const MIDTERM = '2397-p8-midterm';

const report = (state: string, reportDate: string, isPublic = true): Report => ({
  state,
  obligationId: MIDTERM,
  reportDate: isoDate(reportDate),
  public: isPublic,
  recordedAt: `${reportDate}T12:00:00.000Z`,
});

const figure = (state: string, metric: string, value: number, ref: string, url?: string): Figure => ({
  state,
  metric,
  value,
  unit: 'persons',
  asOf: isoDate('2019-10-31'),
  source: { kind: 'un-report', ref, ...(url === undefined ? {} : { url }) },
  recordedAt: '2019-11-06T12:00:00.000Z',
});

const board = (asOf: string, states = memberStates()) =>
  buildStatusBoard({
    at: endOfUtcDay(isoDate(asOf)),
    obligations: seedObligations,
    states,
    groupIdsOfState: groupMembership([]),
    reports: [
      report('CN', '2019-03-22', false),
      report('GQ', '2019-07-10'),
      report('AE', '2019-03-20'),
      report('NP', '2019-11-06'),
    ],
    remaining: [],
  });

/** The board of 20 December 2019 on the midterm report, as `boardPage` would hand it over. */
const page = (changes: { readonly sort?: OverdueSort; readonly figures?: readonly Figure[] } = {}): BoardPage => {
  const status = board('2019-12-20');
  const column = status.obligations.find((candidate) => candidate.obligation.id === MIDTERM) as ObligationColumn;
  return {
    asOf: status.asOf,
    column,
    obligations: status.obligations.map((candidate) => candidate.obligation),
    regimes: ['dprk'],
    sort: changes.sort ?? '-days',
    figures: changes.figures ?? [figure('NP', 'workers.remaining', 33, "Nepal's report of 6 November 2019")],
    metrics: seedMetrics,
  };
};

const svgOf = (html: string): string => {
  const match = /<svg class="map"[\s\S]*?<\/svg>/.exec(html);
  if (!match) throw new Error('no map in the page');
  return match[0];
};

interface Drawn {
  readonly element: 'path' | 'circle';
  readonly code: string;
  readonly status?: string;
  readonly title: string;
  readonly attributes: Record<string, string>;
}

/** Every member state drawn on the map, parsed as XML: the SVG must be well-formed to be parsed at all. */
const drawnStates = (html: string): Drawn[] => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    htmlEntities: true,
    isArray: (name) => name === 'path' || name === 'circle' || name === 'g',
  });
  const svg = (
    parser.parse(svgOf(html), true) as {
      svg: { g: { class: string; path?: Record<string, unknown>[]; circle?: Record<string, unknown>[] }[] };
    }
  ).svg;
  return svg.g.flatMap((group) =>
    (['path', 'circle'] as const).flatMap((element) =>
      (group[element] ?? []).map((node) => {
        const { title, ...attributes } = node as Record<string, string>;
        return {
          element,
          code: attributes['data-code'] ?? '',
          status: attributes['data-status'],
          title: String(title),
          attributes,
        };
      }),
    ),
  );
};

describe('the board page', () => {
  it('draws every member state once, with its code, its status and a tooltip', () => {
    const drawn = drawnStates(renderBoardPage(page()));

    expect(drawn.map((state) => state.code).sort()).toEqual(
      memberStates()
        .map((state) => state.alpha2)
        .sort(),
    );
    expect(drawn.find((state) => state.code === 'CN')).toMatchObject({
      element: 'path',
      status: 'submitted-not-public',
      title: 'China (CN): submitted on 22 March 2019, not public',
    });
    expect(drawn.find((state) => state.code === 'AE')).toMatchObject({
      element: 'path',
      status: 'submitted',
      title: 'United Arab Emirates (AE): submitted on 20 March 2019',
    });
    expect(drawn.find((state) => state.code === 'GQ')).toMatchObject({
      element: 'path',
      status: 'submitted-late',
      title: 'Equatorial Guinea (GQ): submitted on 10 July 2019, 110 days late',
    });
    expect(drawn.find((state) => state.code === 'NG')).toMatchObject({
      element: 'path',
      status: 'overdue',
      attributes: { 'data-days-overdue': '273' },
    });
  });

  it('marks states too small for the 1:110m shapes with a circle that carries the same attributes', () => {
    const drawn = drawnStates(renderBoardPage(page()));

    for (const code of ['TV', 'NR', 'SG', 'MC']) {
      expect(drawn.find((state) => state.code === code)).toMatchObject({
        element: 'circle',
        status: 'overdue',
        attributes: { 'data-marker': 'true' },
      });
    }
    expect(drawn.find((state) => state.code === 'TV')?.title).toBe('Tuvalu (TV): overdue by 273 days');
  });

  it("puts a state's latest figures with their source in its tooltip and in the figures table", () => {
    const html = renderBoardPage(page());

    expect(drawnStates(html).find((state) => state.code === 'NP')?.title).toBe(
      "Nepal (NP): submitted on 6 November 2019, 229 days late\nDPRK workers remaining: 33 persons, as of 31 October 2019 (UN report: Nepal's report of 6 November 2019)",
    );
    expect(html).toMatch(
      /<tr data-code="NP" data-metric="workers.remaining"><td>Nepal<\/td><td>DPRK workers remaining<\/td><td class="num">33 persons<\/td><td>31 October 2019<\/td><td>UN report: Nepal&#39;s report of 6 November 2019<\/td><\/tr>/,
    );
  });

  it('counts the states per status in the legend', () => {
    const html = renderBoardPage(page());
    const count = (status: string) => new RegExp(`<li data-status="${status}" data-count="(\\d+)"`).exec(html)?.[1];

    expect([count('overdue'), count('submitted'), count('submitted-late'), count('submitted-not-public')]).toEqual([
      '189',
      '1',
      '2',
      '1',
    ]);
    expect(count('not-due')).toBe('0');
  });

  it.each(['-days', 'days', 'name'] as const)(
    'lists the overdue states (%s), small ones included, and links the other orders',
    (sort) => {
      const html = renderBoardPage(page({ sort }));
      const listed = [...html.matchAll(/<li data-code="(\w\w)" data-days-overdue="273">/g)].map((match) => match[1]);

      expect(listed).toHaveLength(189);
      expect(listed).toContain('TV');
      expect(listed).toContain('NR');
      // One due date for all: every overdue state is as late as the next, so the days tie and names decide.
      expect(listed.slice(0, 3)).toEqual(['AF', 'AL', 'DZ']);
      expect(['-days', 'days', 'name'].filter((other) => html.includes(`data-sort="${other}"`))).toEqual(
        ['-days', 'days', 'name'].filter((other) => other !== sort),
      );
    },
  );

  it('escapes every piece of text it did not write itself', () => {
    const html = renderBoardPage(
      page({
        figures: [figure('NP', 'workers.remaining', 33, '<script>alert("x")</script> & more', 'javascript:alert(1)')],
      }),
    );

    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).not.toContain('href="javascript:');
  });
});

describe('the default obligation', () => {
  it.each([
    ['2019-03-01', '2397-p8-midterm'],
    ['2019-03-22', '2397-p8-midterm'],
    ['2019-12-20', '2397-p8-repatriation'],
    ['2020-01-10', '2397-p8-final'],
    ['2021-06-01', '2397-p8-final'],
  ])('as of %s is %s: the next deadline, else the last passed', (asOf, id) => {
    expect(defaultColumn(board(asOf))?.obligation.id).toBe(id);
  });
});

describe('the regime picker', () => {
  it('is links, one per regime and one for all, keeping the day shown; the regime picked stays in the form', () => {
    const html = renderBoardPage({ ...page(), regime: 'dprk', regimes: ['dprk', 'libya'] });

    expect(html).toContain('<a href="?asOf=2019-12-20">all</a>');
    expect(html).toContain('<a href="?asOf=2019-12-20&amp;regime=dprk" aria-current="page">dprk</a>');
    expect(html).toContain('<a href="?asOf=2019-12-20&amp;regime=libya">libya</a>');
    expect(html).toContain('<input type="hidden" name="regime" value="dprk">');
    expect(html).not.toContain('<script');
  });
});
