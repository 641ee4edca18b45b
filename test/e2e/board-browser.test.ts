import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customGroupStore } from '../../lambdas/adapters/dynamodb/catalogues.ts';
import { apiCaller } from '../../local/sample/local-api-client.ts';
import { ensureSampleGroup, recordSampleUpTo } from '../../local/sample/record-sample.ts';
import { sampleRecords } from '../../local/sample/sample-data-2019.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';
import { launchPackagedChromium } from './packaged-chromium.ts';

/**
 * The board in a real browser: the headless Chromium of the `@sparticuz/chromium` dev dependency,
 * driven by playwright-core, reads the page the local API serves over the 2019 sample data, as
 * `npm start` seeds it.
 */
const SCREENSHOT = resolve(import.meta.dirname, '../../test-artifacts/board.png');
const BOARD_DAY = '2019-12-20';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  api = await startSeededTestApi();
  await ensureSampleGroup(customGroupStore(api.documentClient, api.tableName));
  await recordSampleUpTo(BOARD_DAY, sampleRecords, apiCaller(api.url, api.tokens.admin));
  browser = await launchPackagedChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const response = await page.goto(`${api.url}/board?obligation=2397-p8-midterm&asOf=${BOARD_DAY}`);
  if (response?.status() !== 200)
    throw new Error(`GET /board answered ${response?.status()}: ${await response?.text()}`);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

interface DrawnState {
  readonly element: 'path' | 'circle';
  readonly status: string | null;
  readonly marker: boolean;
  readonly title: string | null;
  /** The fill Chromium computed from the stylesheet: a colour, or a pattern's url. */
  readonly fill: string;
  readonly width: number;
}

/** A state's shape or marker on the map, as Chromium lays it out. */
const drawn = async (code: string): Promise<DrawnState> => {
  const selector = `svg.map [data-code="${code}"]`;
  const shape = page.locator(selector);
  const element = (await page.locator(`svg.map path[data-code="${code}"]`).count()) === 1 ? 'path' : 'circle';
  return {
    element,
    status: await shape.getAttribute('data-status'),
    marker: (await shape.getAttribute('data-marker')) === 'true',
    title: await shape.locator('title').textContent(),
    // An expression, not a function: this project compiles without the DOM's types.
    fill: String(await page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fill`)),
    width: (await shape.boundingBox())?.width ?? 0,
  };
};

describe(`the status board in Chromium, 2019 sample data, as of ${BOARD_DAY}`, () => {
  it('shows China as submitted but not public, dotted', async () => {
    expect(await drawn('CN')).toMatchObject({ element: 'path', status: 'submitted-not-public', fill: 'url("#dots")' });
    // The tooltip carries the state's latest figures with their source, one a line.
    expect((await drawn('CN')).title).toBe(
      'China (CN): submitted on 8 March 2019, not public\nDPRK workers (estimate): 80,000 persons, as of 27 March 2019 (Estimate: About 80,000 DPRK workers in China: US estimate, as the paper gave it)',
    );
  });

  it('shows Nigeria overdue, hatched in the shade of 181 to 365 days', async () => {
    expect(await drawn('NG')).toMatchObject({ element: 'path', status: 'overdue', fill: 'url("#o4")' });
    expect((await drawn('NG')).title).toBe('Nigeria (NG): overdue by 273 days');
  });

  it('shows Equatorial Guinea as having submitted in March 2019, a date its source gives only to the month', async () => {
    expect(await drawn('GQ')).toMatchObject({
      element: 'path',
      status: 'submitted-late',
      title: 'Equatorial Guinea (GQ): submitted in March 2019 (the day is not known), up to 9 days late',
    });
  });

  it('draws the dated counts under the map as a step chart: 9 states reported, 184 overdue on the day shown (the Latvian and Egyptian reports became public on 31 December)', async () => {
    const chart = page.locator('svg.history-chart');
    const [map, box] = await Promise.all([page.locator('svg.map').boundingBox(), chart.boundingBox()]);
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.y).toBeGreaterThan((map?.y ?? 0) + (map?.height ?? 0) - 1);
    expect(await chart.getAttribute('data-reported')).toBe('9');
    expect(await chart.getAttribute('data-overdue')).toBe('184');
    // Two steps, each a line Chromium draws with a length.
    expect(await page.locator('svg.history-chart path.step').count()).toBe(2);
    expect(
      Number(await page.evaluate(`document.querySelector('path.reported-line').getTotalLength()`)),
    ).toBeGreaterThan(100);
    expect(await page.locator('figure.history figcaption').textContent()).toContain(
      '9 states had reported and 184 states were overdue',
    );
  });

  it('marks Tuvalu and Nauru, too small for the map, with visible circles, and lists them as overdue', async () => {
    for (const code of ['TV', 'NR']) {
      const state = await drawn(code);
      expect(state).toMatchObject({ element: 'circle', marker: true, status: 'overdue' });
      expect(state.width).toBeGreaterThan(4);
    }
    const listed = async (code: string) => page.locator(`#overdue li[data-code="${code}"]`).count();
    expect(await Promise.all(['TV', 'NR', 'NG', 'CN'].map(listed))).toEqual([1, 1, 1, 0]);
  });

  it("labels the admins' hosts group an illustration, not a record, when the board shows it", async () => {
    const other = await browser.newPage();
    await other.goto(`${api.url}/board?obligation=2397-p8-midterm&asOf=${BOARD_DAY}&group=dprk-worker-hosts`);
    expect(await other.locator('header p.muted').textContent()).toContain(
      'Illustration: states said to host DPRK workers (16 states)',
    );
    await other.close();
  });

  it('draws the map across the page, with the legend counting the states per status', async () => {
    const map = await page.locator('svg.map').boundingBox();
    expect(map?.width).toBeGreaterThan(1000);
    const counts = new Map(
      await Promise.all(
        (await page.locator('.legend > li[data-status]').all()).map(
          async (item) =>
            [await item.getAttribute('data-status'), Number(await item.getAttribute('data-count'))] as const,
        ),
      ),
    );
    expect(counts.get('submitted-not-public')).toBe(1);
    expect([...counts.values()].reduce((sum, count) => sum + count, 0)).toBe(193);

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});

describe(`a state's page in Chromium, 2019 sample data, as of ${BOARD_DAY}`, () => {
  const rowsOf = async (path: string) => {
    const statePage = await browser.newPage();
    try {
      const response = await statePage.goto(`${api.url}${path}`);
      const rows = await Promise.all(
        (await statePage.locator('tbody > tr').all()).map(async (row) => ({
          obligation: await row.getAttribute('data-obligation'),
          cells: (await row.locator('td').allInnerTexts()).map((text) => text.split('\n')[0]),
          source: await row.locator('td a').first().getAttribute('href'),
        })),
      );
      const regimes = await statePage.locator('nav a').allInnerTexts();
      return { status: response?.status(), heading: await statePage.locator('h1').innerText(), rows, regimes };
    } finally {
      await statePage.close();
    }
  };

  it("lists every duty Nigeria owes, longest overdue first, with status, due date, days overdue and the resolution's source", async () => {
    const nigeria = await rowsOf(`/board/states/NG?asOf=${BOARD_DAY}`);

    expect(nigeria.status).toBe(200);
    expect(nigeria.heading).toBe('Nigeria: reporting record');
    expect(nigeria.rows.map(({ obligation, cells }) => [obligation, cells[1], cells[2], cells[3]])).toEqual([
      ['2397-p8-midterm', 'Overdue', '22 March 2019', '273'],
      // Past deadlines of duties whose reports the service does not hold: never called overdue.
      ['700-p4-arms-guidelines', 'Not recorded here', '1 August 1991', ''],
      ['724-p5a-arms-embargo', 'Not recorded here', '4 January 1992', ''],
      ['748-p8-measures', 'Not recorded here', '15 May 1992', ''],
      ['757-p12-measures', 'Not recorded here', '22 June 1992', ''],
      ['883-p13-measures', 'Not recorded here', '15 January 1994', ''],
      ['917-p13-measures', 'Not recorded here', '6 June 1994', ''],
      ['1127-p13-measures', 'Not recorded here', '1 November 1997', ''],
      ['1132-p13-measures', 'Not recorded here', '7 November 1997', ''],
      ['1160-p12-measures', 'Not recorded here', '30 April 1998', ''],
      ['1176-p4-measures', 'Not recorded here', '22 July 1998', ''],
      ['1267-p10-measures', 'Not recorded here', '14 December 1999', ''],
      ['1298-p11-measures', 'Not recorded here', '16 June 2000', ''],
      ['1306-p8-diamonds', 'Not recorded here', '4 August 2000', ''],
      ['1333-p20-measures', 'Not recorded here', '18 February 2001', ''],
      ['1373-p6-measures', 'Not recorded here', '27 December 2001', ''],
      ['1390-p6-measures', 'Not recorded here', '16 April 2002', ''],
      ['1407-p8-arms-embargo', 'Not recorded here', '2 July 2002', ''],
      ['1408-p15-measures', 'Not recorded here', '4 August 2002', ''],
      ['1455-p6-updated-report', 'Not recorded here', '17 April 2003', ''],
      ['1526-p22-updated-reports', 'Not recorded here', '31 March 2004', ''],
      ['1533-p9-arms-embargo', 'Not recorded here', '11 May 2004', ''],
      ['1540-p4-first-report', 'Not recorded here', '28 October 2004', ''],
      ['1572-p15-measures', 'Not recorded here', '13 February 2005', ''],
      ['1596-p20-measures', 'Not recorded here', '2 June 2005', ''],
      ['1617-p10-checklist', 'Not recorded here', '1 March 2006', ''],
      ['1643-p7-measures', 'Not recorded here', '15 March 2006', ''],
      ['1718-p11-measures', 'Not recorded here', '13 November 2006', ''],
      ['1737-p19-measures', 'Not recorded here', '21 February 2007', ''],
      ['1727-p5-measures', 'Not recorded here', '15 March 2007', ''],
      ['1747-p8-measures', 'Not recorded here', '23 May 2007', ''],
      ['1803-p13-measures', 'Not recorded here', '2 May 2008', ''],
      ['1857-p7-measures', 'Not recorded here', '5 February 2009', ''],
      ['1844-p25-measures', 'Not recorded here', '20 March 2009', ''],
      ['1874-p22-measures', 'Not recorded here', '27 July 2009', ''],
      ['1907-p20-measures', 'Not recorded here', '22 April 2010', ''],
      ['1970-p25-measures', 'Not recorded here', '26 June 2011', ''],
      ['2094-p25-measures', 'Not recorded here', '5 June 2013', ''],
      ['2134-p42-measures', 'Not recorded here', '28 April 2014', ''],
      ['2397-p8-repatriation', 'Due soon', '22 December 2019', ''],
      ['2397-p8-final', 'Not due', '22 March 2020', ''],
      ['1929-p20-evasion-transfers', 'Open', 'no fixed deadline', ''],
      ['2094-p19-evasion-transfers', 'Open', 'no fixed deadline', ''],
    ]);
    expect(nigeria.rows.find(({ obligation }) => obligation === '2397-p8-midterm')?.source).toBe(
      'https://diplomaticwatch.com/qatar-150-north-korean-workers-remain-in-country/',
    );
    expect(nigeria.rows.every(({ source }) => source?.startsWith('https://'))).toBe(true);
    expect(nigeria.regimes).toEqual([
      'all',
      '1540',
      'angola-unita',
      'central-african-republic',
      'cote-divoire',
      'counter-terrorism',
      'dprk',
      'drc',
      'eritrea-ethiopia',
      'former-yugoslavia',
      'fry-kosovo',
      'haiti',
      'iran',
      'iraq',
      'isil-al-qaida',
      'liberia',
      'libya',
      'sierra-leone',
      'somalia-eritrea',
      'south-sudan',
    ]);
  });

  it('narrows to a regime by its link, and shows China submitted but not public', async () => {
    const china = await rowsOf(`/board/states/chn?asOf=${BOARD_DAY}&regime=dprk`);
    const libya = await rowsOf(`/board/states/CN?asOf=${BOARD_DAY}&regime=libya`);
    // South Sudan's only duty is due after an inspection, which nobody has recorded for China.
    const none = await rowsOf(`/board/states/CN?asOf=${BOARD_DAY}&regime=south-sudan`);

    expect(china.rows.find(({ obligation }) => obligation === '2397-p8-midterm')?.cells.slice(0, 2)).toEqual([
      'Midterm report on repatriated DPRK workers',
      'Submitted, not public',
    ]);
    expect(libya.rows.map(({ obligation, cells }) => [obligation, cells[1]])).toEqual([
      ['748-p8-measures', 'Not recorded here'],
      ['883-p13-measures', 'Not recorded here'],
      ['1970-p25-measures', 'Not recorded here'],
    ]);
    expect(none.rows).toEqual([]);
  });
});

describe('the API reference page in Chromium', () => {
  it('renders every route of the OpenAPI document, with no request to anywhere else', async () => {
    const docsPage = await browser.newPage();
    const elsewhere: string[] = [];
    docsPage.on('request', (request) => {
      if (!request.url().startsWith(api.url)) elsewhere.push(request.url());
    });
    const response = await docsPage.goto(`${api.url}/docs`);
    const document = (await (await fetch(`${api.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const headings = await docsPage.locator('section > h2 code').allInnerTexts();
    await docsPage.close();

    expect(response?.status()).toBe(200);
    expect(operations.length).toBeGreaterThan(40);
    expect([...headings].sort()).toEqual([...operations].sort());
    expect(elsewhere).toEqual([]);
  });
});
