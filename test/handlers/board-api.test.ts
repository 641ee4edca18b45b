import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
  const reports = [
    ['CN', { obligationId: '2397-p8-midterm', reportDate: '2019-03-22', public: false }],
    ['AE', { obligationId: '2397-p8-midterm', reportDate: '2019-03-20' }],
    [
      'NP',
      {
        obligationId: '2397-p8-midterm',
        reportDate: '2019-11-06',
        figures: [
          {
            metric: 'workers.remaining',
            value: 33,
            asOf: '2019-10-31',
            source: { kind: 'un-report', ref: "Nepal's report of 6 November 2019" },
          },
        ],
      },
    ],
  ] as const;
  for (const [code, body] of reports) {
    const response = await api.send('POST', `/states/${code}/reports`, body);
    if (response.status !== 201) throw new Error(`could not record ${code}'s report: ${response.text}`);
  }
});
afterAll(() => api.close());

/** The page as a browser gets it: no token, HTML. */
const board = async (query: string) => {
  const response = await fetch(`${api.url}/board${query}`);
  return { status: response.status, headers: response.headers, text: await response.text() };
};

const statusOf = (html: string, code: string): string | undefined =>
  new RegExp(`data-code="${code}" data-status="([a-z-]+)"`).exec(html)?.[1];

/** How many states the map colours by a status (those outside the chosen group are drawn plain). */
const colouredOnMap = (html: string): number =>
  html.match(/class="s-[a-z-]+(?: o\d)?" data-code="\w\w" data-status=/g)?.length ?? 0;

describe('GET /board', () => {
  it('answers a public, cacheable HTML page with each state coloured by its status', async () => {
    const { status, headers, text } = await board('?obligation=2397-p8-midterm&asOf=2019-12-20');

    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('cache-control')).toBe('public, max-age=300');
    // No script runs, nothing is fetched from elsewhere, and no other site may frame it.
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(text).not.toContain('<script');
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect([statusOf(text, 'CN'), statusOf(text, 'AE'), statusOf(text, 'NP'), statusOf(text, 'NG')]).toEqual([
      'submitted-not-public',
      'submitted',
      'submitted-late',
      'overdue',
    ]);
    expect(text).toContain('<li data-status="overdue" data-count="190">');
  });

  it('lists the latest figures with their source', async () => {
    const { text } = await board('?obligation=2397-p8-midterm&asOf=2019-12-20');

    expect(text).toContain(
      '<tr data-code="NP" data-metric="workers.remaining"><td>Nepal</td><td>DPRK workers remaining</td><td class="num">33 persons</td><td>31 October 2019</td><td>UN report: Nepal&#39;s report of 6 November 2019</td></tr>',
    );
  });

  it('shows the next deadline when no obligation is named', async () => {
    const [march, december] = await Promise.all([board('?asOf=2019-03-01'), board('?asOf=2019-12-20')]);

    expect(march.text).toContain('data-obligation="2397-p8-midterm"');
    expect(december.text).toContain('data-obligation="2397-p8-repatriation"');
    expect(statusOf(december.text, 'NG')).toBe('due-soon');
  });

  it('narrows the board to a group and draws the other states plain', async () => {
    const { text } = await board('?obligation=2397-p8-midterm&asOf=2019-12-20&group=africa');

    expect(colouredOnMap(text)).toBe(54);
    expect(statusOf(text, 'NG')).toBe('overdue');
    expect(text).toContain('class="outside" data-code="CN"');
  });

  it("shows a regime's obligations when its link is followed", async () => {
    const { status, text } = await board('?regime=dprk&asOf=2019-12-20');

    expect(status).toBe(200);
    expect(text).toContain('aria-current="page">dprk</a>');
    expect(text).toContain('<input type="hidden" name="regime" value="dprk">');
  });

  it('reads the empty fields its own form sends as absent', async () => {
    const { status, text } = await board('?obligation=2397-p8-midterm&asOf=2019-12-20&group=&sort=');

    expect(status).toBe(200);
    expect(colouredOnMap(text)).toBe(193);
  });

  it.each([
    ['?asOf=2019-13-01', 400, 'asOf'],
    ['?asOf=', 200, undefined],
    ['?group=atlantis', 404, 'group'],
    ['?group=Not%20a%20slug', 400, 'group'],
    ['?obligation=2397-p99', 400, 'obligation'],
    ['?sort=up', 400, 'sort'],
    ['?regime=atlantis', 400, 'regime'],
    ['?regime=Not%20a%20slug', 400, 'regime'],
    ['?as_of=2019-12-16', 400, 'as_of'],
    ['?as_of=', 400, 'as_of'],
  ])('answers %s with %i naming the field, in JSON', async (query, status, field) => {
    const response = await board(query);

    expect(response.status).toBe(status);
    if (field === undefined) return;
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(response.text)).toMatchObject({ error: { field } });
  });
});
