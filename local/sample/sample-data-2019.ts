/**
 * The verified record of resolution 2397's paragraph 8 reports, 2018-2021, as `npm start` seeds it
 * and the end-to-end suites use it. Every fact carries the page that supports it, its publisher and
 * the day it was read. No UN document symbol is known for any of these reports: the pages are
 * secondary sources, the press reading the 1718 Committee's "Implementation reports" page. A fact
 * is kept at the precision its source gives: a report dated only to a month holds that month's
 * last day with `dateAccuracy: 'month'`; one the source only shows to exist by a day holds that
 * day with `dateAccuracy: 'on-or-before'`. Worldwide figures, which no state reports, are recorded
 * under WORLD. `arrives` is the day the fact reached the public, the day a replay records it.
 * What was checked and left out is listed in the README ("Where the facts come from").
 */

import { WORLD } from '../../lambdas/contracts/world.ts';

const MIDTERM = '2397-p8-midterm';
const FINAL = '2397-p8-final';

/** The day every source below was read again. */
export const READ_ON = '2026-12-05';

export interface SampleSource {
  readonly publisher: string;
  readonly url: string;
}

export interface SampleFigure {
  readonly metric: string;
  readonly amount: { readonly value: number } | { readonly low: number; readonly high: number };
  readonly asOf: string;
  readonly source: {
    readonly kind: 'un-report' | 'national' | 'estimate' | 'press';
    readonly ref: string;
    readonly url: string;
    readonly publisher: string;
    readonly readOn: string;
  };
}

export type SampleRecord =
  | {
      readonly kind: 'report';
      readonly state: string;
      readonly arrives: string;
      readonly obligationId: string;
      readonly reportDate: string;
      readonly dateAccuracy: 'day' | 'month' | 'on-or-before';
      readonly public: boolean;
      /** What the report says, as the source gives it. */
      readonly note: string;
      readonly source: {
        readonly kind: 'press';
        readonly publisher: string;
        readonly url: string;
        readonly readOn: string;
      };
      readonly figures: readonly SampleFigure[];
    }
  | { readonly kind: 'figure'; readonly state: string; readonly arrives: string; readonly figure: SampleFigure };

// The pages read, one constant each: several facts lean on the same page.
const AP_DAILY_ASIAN_AGE: SampleSource = {
  publisher: 'The Daily Asian Age (Associated Press)',
  url: 'https://dailyasianage.com/news/210377/un-deadline-to-send-n-korean-workers-home-likely-unmet',
};
const IANS_LOKMAT: SampleSource = {
  publisher: 'Lokmat English (IANS, citing Yonhap)',
  url: 'https://english.lokmat.com/international/nkoreans-likely-to-continue-working-abroad-despite-un-deadline/',
};
const VOA_42_BY_26_SEP: SampleSource = {
  publisher: 'Voice of America (Korean service)',
  url: 'https://voa.pangea-cms.com/preview/ko-KR/a/5100301.html',
};
const YTN_47_BY_6_DEC: SampleSource = { publisher: 'YTN', url: 'https://www.ytn.co.kr/_ln/0101_201912121333061140' };
const DONGA_REUTERS_MARCH: SampleSource = {
  publisher: 'Dong-A Ilbo (citing Reuters)',
  url: 'https://donga.com/news/Inter/article/all/20190327/94751489/1',
};
const MOSCOW_TIMES: SampleSource = {
  publisher: 'The Moscow Times (Reuters)',
  url: 'https://www.themoscowtimes.com/2020/01/24/russia-says-it-missed-un-deadline-to-repatriate-north-korean-workers-a69028',
};
const VOA_UAE_SINGAPORE: SampleSource = {
  publisher: 'Voice of America (Korean service)',
  url: 'https://voa.pangea-cms.com/preview/ko-KR/a/korea_korea-politics_uae-workers/6029433.html',
};
const VOA_AFRICA: SampleSource = {
  publisher: 'Voice of America (Korean service)',
  url: 'https://voakorea.com/a/5234480.html',
};
const VOA_POLAND: SampleSource = {
  publisher: 'Voice of America (Korean service)',
  url: 'https://voakorea.com/amp/5212761.html',
};
const VOA_KUWAIT: SampleSource = {
  publisher: 'Voice of America (Korean service)',
  url: 'https://voakorea.com/amp/korea_korea-politics_dprk-workers-repatriation/6030493.html',
};
const VOA_VIETNAM: SampleSource = {
  publisher: 'Voice of America (Korean service)',
  url: 'https://www.voakorea.com/korea/korea-politics/5027456',
};
const RFA_DEADLINE: SampleSource = {
  publisher: 'Radio Free Asia (Korean service)',
  url: 'https://www.rfa.org/korean/in_focus/nk_nuclear_talks/ne-kh-12262019155513.html',
};
const NKNEWS_NEPAL: SampleSource = {
  publisher: 'NK News',
  url: 'https://www.nknews.org/2019/11/33-north-koreans-leave-nepal-amid-broader-crackdown-report-to-un-says/',
};
const NKNEWS_POLAND: SampleSource = {
  publisher: 'NK News',
  url: 'https://www.nknews.org/2019/12/as-sanctions-kick-in-poland-says-its-north-korean-workers-have-all-gone-home/',
};
const HANKYUNG_POLAND: SampleSource = {
  publisher: 'Hankyung (Yonhap)',
  url: 'https://hankyung.com/amp/201912129005Y',
};
const HANKYUNG_LATVIA_EGYPT: SampleSource = {
  publisher: 'Hankyung (Yonhap, citing VOA)',
  url: 'https://www.hankyung.com/article/201912312886Y',
};
const PHNOM_PENH_POST: SampleSource = {
  publisher: 'The Phnom Penh Post',
  url: 'https://www.phnompenhpost.com/national/ministry-refutes-report-north-korean-operations-cambodia',
};
const YONHAP_CAMBODIA: SampleSource = {
  publisher: 'Yonhap News Agency',
  url: 'https://m-en.yna.co.kr/view/AEN20200214002600325',
};
const HANKYUNG_US_INDONESIA: SampleSource = {
  publisher: 'Hankyung (Yonhap)',
  url: 'https://www.hankyung.com/society/article/202004045195Y',
};
const VOA_FINAL_BY_23_MARCH: SampleSource = {
  publisher: 'Voice of America (Korean service)',
  url: 'https://www.voakorea.com/korea/korea-politics/repatriation-workers',
};
const VOA_NIGERIA: SampleSource = {
  publisher: 'Voice of America (Korean service)',
  url: 'https://voakorea.com/amp/korea_korea-politics_nigeria-deports-dprk-laborers/6031359.html',
};
const NKNEWS_VIETNAM_FINAL: SampleSource = {
  publisher: 'NK News',
  url: 'https://www.nknews.org/2020/04/north-korean-workers-stuck-in-vietnam-following-covid-19-border-closures-hanoi/',
};
const RFA_QATAR_FINAL: SampleSource = {
  publisher: 'Radio Free Asia (Korean service)',
  url: 'https://rfa.org/korean/in_focus/food_international_org/sanctionnk-11092021154130.html',
};
const NKNEWS_QATAR_2018: SampleSource = {
  publisher: 'NK News',
  url: 'https://www.nknews.org/2018/08/150-north-korean-workers-remain-in-country-qatar-claims/',
};
const STRAITS_TIMES_SINGAPORE: SampleSource = {
  publisher: 'The Straits Times',
  url: 'https://www.straitstimes.com/asia/se-asia/singapore-revokes-all-north-korean-work-permits',
};

const sourced = (
  kind: SampleFigure['source']['kind'],
  ref: string,
  { publisher, url }: SampleSource,
): SampleFigure['source'] => ({ kind, ref, url, publisher, readOn: READ_ON });

/** A figure a state's report gives, as the page cited read it. */
const reported = (metric: string, value: number, asOf: string, ref: string, source: SampleSource): SampleFigure => ({
  metric,
  amount: { value },
  asOf,
  source: sourced('un-report', ref, source),
});

interface ReportFacts {
  readonly state: string;
  readonly obligationId: string;
  readonly reportDate: string;
  readonly dateAccuracy?: 'day' | 'month' | 'on-or-before';
  /** When the public learned of it; the report's date when no later day is known. */
  readonly arrives?: string;
  readonly note: string;
  readonly source: SampleSource;
  readonly figures?: readonly SampleFigure[];
  readonly visibility?: 'public' | 'not public';
}

const report = (facts: ReportFacts): SampleRecord => ({
  kind: 'report',
  state: facts.state,
  arrives: facts.arrives ?? facts.reportDate,
  obligationId: facts.obligationId,
  reportDate: facts.reportDate,
  dateAccuracy: facts.dateAccuracy ?? 'day',
  public: facts.visibility !== 'not public',
  note: facts.note,
  source: { kind: 'press', publisher: facts.source.publisher, url: facts.source.url, readOn: READ_ON },
  figures: facts.figures ?? [],
});

const figure = (
  state: string,
  arrives: string,
  metric: string,
  amount: SampleFigure['amount'],
  asOf: string,
  source: SampleFigure['source'],
): SampleRecord => ({ kind: 'figure', state, arrives, figure: { metric, amount, asOf, source } });

/** Final reports the Committee's page showed by 23 March 2020, as VOA listed them; no day is given for any. */
const finalsBy23March2020 = ['BE', 'CA', 'DK', 'MN', 'SG', 'TR', 'GB'].map((state) =>
  report({
    state,
    obligationId: FINAL,
    reportDate: '2020-03-23',
    dateAccuracy: 'on-or-before',
    note: "Final report, on the Committee's page by 23 March 2020 (VOA's list of the first eight).",
    source: VOA_FINAL_BY_23_MARCH,
  }),
);

export const sampleRecords: readonly SampleRecord[] = [
  figure(
    'SG',
    '2018-03-27',
    'work-permits.valid',
    { value: 0 },
    '2018-03-19',
    sourced(
      'un-report',
      "Singapore's implementation report dated 19 March 2018: all DPRK nationals' work passes revoked, none granted",
      STRAITS_TIMES_SINGAPORE,
    ),
  ),
  figure(
    'QA',
    '2018-08-01',
    'workers.remaining',
    { value: 150 },
    '2018-06-30',
    sourced(
      'un-report',
      "Qatar's implementation report dated 20 July 2018: 150 left at the end of June 2018",
      NKNEWS_QATAR_2018,
    ),
  ),
  report({
    state: 'CN',
    obligationId: MIDTERM,
    reportDate: '2019-03-08',
    arrives: '2019-03-26',
    note: 'Midterm report, submitted 8 March 2019 with a request not to publish it; Reuters, which saw it, quoted "more than half" repatriated, with no figure.',
    source: YTN_47_BY_6_DEC,
    visibility: 'not public',
  }),
  report({
    state: 'RU',
    obligationId: MIDTERM,
    reportDate: '2019-03-26',
    dateAccuracy: 'on-or-before',
    note: 'Midterm report, reported by Reuters on 26 March 2019: DPRK nationals with valid work permits down from 30,023 to 11,490 in 2018.',
    source: DONGA_REUTERS_MARCH,
    figures: [
      reported(
        'work-permits.valid',
        30_023,
        '2017-12-31',
        "Russia's midterm report, as at 31 December 2017",
        YTN_47_BY_6_DEC,
      ),
      reported(
        'work-permits.valid',
        11_490,
        '2018-12-31',
        "Russia's midterm report, as at 31 December 2018",
        YTN_47_BY_6_DEC,
      ),
    ],
  }),
  figure(
    'CN',
    '2019-03-27',
    'workers.estimated',
    { value: 80_000 },
    '2019-03-27',
    sourced('estimate', 'About 80,000 DPRK workers in China: US estimate, as the paper gave it', DONGA_REUTERS_MARCH),
  ),
  report({
    state: 'AE',
    obligationId: MIDTERM,
    reportDate: '2019-03-31',
    dateAccuracy: 'month',
    note: 'Midterm report of March 2019 (the day is not given): 823 repatriated, more than half of those in the country.',
    source: VOA_UAE_SINGAPORE,
    figures: [
      reported(
        'workers.repatriated',
        823,
        '2019-03-31',
        'Midterm report of March 2019 (month only)',
        VOA_UAE_SINGAPORE,
      ),
    ],
  }),
  report({
    state: 'GQ',
    obligationId: MIDTERM,
    reportDate: '2019-03-31',
    dateAccuracy: 'month',
    note: 'Midterm report of March 2019 (the day is not given): the DPRK firms Miramax and Chilbo stopped, DPRK workers repatriated or expelled; the only African state with a midterm report by January 2020.',
    source: VOA_AFRICA,
  }),
  report({
    state: 'PL',
    obligationId: MIDTERM,
    reportDate: '2019-03-31',
    dateAccuracy: 'month',
    note: 'First midterm report, March 2019 (the day is not given): about 400 DPRK workers had left, about 30 remained.',
    source: VOA_POLAND,
  }),
  report({
    state: 'KW',
    obligationId: MIDTERM,
    reportDate: '2019-04-30',
    dateAccuracy: 'month',
    note: 'Midterm report of April 2019 (the day is not given): 904 repatriated between 1 January 2018 and April 2019, more than half of the total.',
    source: YTN_47_BY_6_DEC,
    figures: [
      reported(
        'workers.repatriated',
        904,
        '2019-04-30',
        "Kuwait's midterm report: 904 repatriated from 1 January 2018 to April 2019 (month only)",
        VOA_KUWAIT,
      ),
    ],
  }),
  report({
    state: 'VN',
    obligationId: MIDTERM,
    reportDate: '2019-06-25',
    arrives: '2019-08-03',
    note: 'Midterm report submitted 25 June 2019: 94 DPRK workers at the resolution, 51 repatriated, 43 left at the start of 2019.',
    source: VOA_VIETNAM,
    figures: [
      reported(
        'workers.repatriated',
        51,
        '2019-01-01',
        'Midterm report: 51 of 94 repatriated by the start of 2019 (no day given)',
        VOA_VIETNAM,
      ),
      reported(
        'workers.remaining',
        43,
        '2019-01-01',
        'Midterm report: 43 left at the start of 2019 (no day given)',
        VOA_VIETNAM,
      ),
    ],
  }),
  report({
    state: 'QA',
    obligationId: MIDTERM,
    reportDate: '2019-09-26',
    dateAccuracy: 'on-or-before',
    note: "Midterm report, among the 42 VOA counted on the Committee's page by 26 September 2019; RFA: 2,471 repatriated.",
    source: VOA_42_BY_26_SEP,
    figures: [
      reported(
        'workers.repatriated',
        2_471,
        '2019-09-26',
        "Qatar's midterm report, as RFA summed the midterm reports (no date given)",
        RFA_DEADLINE,
      ),
    ],
  }),
  figure(
    WORLD,
    '2019-09-26',
    'workers.repatriated',
    { value: 23_200 },
    '2019-09-26',
    sourced(
      'press',
      "About 23,200 repatriated: VOA's sum of the midterm reports by 26 September 2019 (China's gives no number)",
      VOA_42_BY_26_SEP,
    ),
  ),
  report({
    state: 'NP',
    obligationId: MIDTERM,
    reportDate: '2019-11-06',
    note: 'Letter dated 6 November 2019: 33 DPRK nationals left Nepal by 31 October 2019, when their visas expired.',
    source: NKNEWS_NEPAL,
    figures: [
      reported(
        'workers.repatriated',
        33,
        '2019-10-31',
        "Nepal's letter of 6 November 2019: 33 left by 31 October",
        NKNEWS_NEPAL,
      ),
    ],
  }),
  report({
    state: 'PL',
    obligationId: FINAL,
    reportDate: '2019-12-04',
    arrives: '2019-12-11',
    note: "Report dated 4 December 2019, which Poland's foreign ministry calls its final report (VOA: a second midterm report): no DPRK workers left; the last left in June 2019.",
    source: HANKYUNG_POLAND,
    figures: [reported('workers.remaining', 0, '2019-12-04', "Poland's report dated 4 December 2019", NKNEWS_POLAND)],
  }),
  report({
    state: 'LV',
    obligationId: MIDTERM,
    reportDate: '2019-12-16',
    arrives: '2019-12-31',
    note: 'Midterm report submitted 16 December 2019: no DPRK workers to repatriate.',
    source: HANKYUNG_LATVIA_EGYPT,
  }),
  report({
    state: 'EG',
    obligationId: MIDTERM,
    reportDate: '2019-12-19',
    arrives: '2019-12-31',
    note: 'Midterm report submitted 19 December 2019: no DPRK workers to repatriate.',
    source: HANKYUNG_LATVIA_EGYPT,
  }),
  figure(
    WORLD,
    '2019-12-21',
    'workers.estimated',
    { value: 100_000 },
    '2019-12-21',
    sourced(
      'estimate',
      'About 100,000 DPRK workers abroad: US State Department estimate, as AP gave it on 21 December 2019',
      AP_DAILY_ASIAN_AGE,
    ),
  ),
  figure(
    WORLD,
    '2019-12-23',
    'revenue.estimated',
    { low: 200_000_000, high: 500_000_000 },
    '2019-12-23',
    sourced(
      'estimate',
      'US$200-500 million a year earned by DPRK workers abroad: estimate, as IANS gave it',
      IANS_LOKMAT,
    ),
  ),
  report({
    state: 'KH',
    obligationId: FINAL,
    reportDate: '2020-01-20',
    arrives: '2020-02-14',
    note: 'National report submitted 20 January 2020: all 115 DPRK workers found in Phnom Penh and Siem Reap repatriated by 22 December 2019. The press does not say whether the Committee lists it as a midterm or a final report.',
    source: PHNOM_PENH_POST,
    figures: [
      reported(
        'workers.repatriated',
        115,
        '2019-12-22',
        "Cambodia's report: 115 repatriated by 22 December 2019",
        YONHAP_CAMBODIA,
      ),
      reported(
        'workers.remaining',
        0,
        '2019-12-22',
        "Cambodia's report: all repatriated by 22 December 2019",
        YONHAP_CAMBODIA,
      ),
    ],
  }),
  figure(
    'RU',
    '2020-01-23',
    'workers.remaining',
    { value: 1_000 },
    '2020-01-23',
    sourced(
      'national',
      'Around 1,000 DPRK workers still in Russia: Foreign Ministry spokeswoman, 23 January 2020',
      MOSCOW_TIMES,
    ),
  ),
  figure(
    'CN',
    '2020-01-24',
    'workers.estimated',
    { value: 50_000 },
    '2020-01-24',
    sourced('estimate', 'Some 50,000 DPRK workers in China: US estimate, as Reuters gave it', MOSCOW_TIMES),
  ),
  report({
    state: 'US',
    obligationId: FINAL,
    reportDate: '2020-03-20',
    arrives: '2020-04-04',
    note: 'Final report submitted 20 March 2020: no DPRK nationals to repatriate.',
    source: HANKYUNG_US_INDONESIA,
  }),
  report({
    state: 'ID',
    obligationId: FINAL,
    reportDate: '2020-03-20',
    arrives: '2020-04-04',
    note: 'Final report submitted 20 March 2020: only 8 short-term visas, for the 2018 Asian Games and UN events; no workers to repatriate.',
    source: HANKYUNG_US_INDONESIA,
  }),
  report({
    state: 'AE',
    obligationId: FINAL,
    reportDate: '2020-03-23',
    dateAccuracy: 'on-or-before',
    note: "Final report, on the Committee's page by 23 March 2020: every DPRK national's residence permit cancelled before December 2019, all workers repatriated.",
    source: VOA_FINAL_BY_23_MARCH,
    figures: [
      reported(
        'workers.remaining',
        0,
        '2019-11-30',
        'Final report: all repatriated before December 2019',
        VOA_UAE_SINGAPORE,
      ),
    ],
  }),
  ...finalsBy23March2020,
  report({
    state: 'NG',
    obligationId: FINAL,
    reportDate: '2020-03-30',
    note: 'First paragraph 8 report, submitted 30 March 2020: 10 DPRK workers deported between May and December 2019.',
    source: VOA_NIGERIA,
  }),
  report({
    state: 'VN',
    obligationId: FINAL,
    reportDate: '2020-04-04',
    arrives: '2020-04-20',
    note: 'Final report dated 4 April 2020: 31 DPRK nationals left in Viet Nam on temporary-stay visas, unable to go home after the DPRK closed its borders.',
    source: NKNEWS_VIETNAM_FINAL,
    figures: [
      reported(
        'workers.remaining',
        31,
        '2020-04-04',
        "Viet Nam's final report dated 4 April 2020",
        NKNEWS_VIETNAM_FINAL,
      ),
    ],
  }),
  report({
    state: 'QA',
    obligationId: FINAL,
    reportDate: '2021-10-22',
    arrives: '2021-11-08',
    note: 'Final report submitted 22 October 2021: no DPRK national known to earn income in Qatar; two present, both subject to deportation.',
    source: RFA_QATAR_FINAL,
    figures: [
      reported('workers.remaining', 0, '2021-10-22', "Qatar's final report: none earning income", RFA_QATAR_FINAL),
    ],
  }),
];

/**
 * An illustration, not a record: a group for watches that follow the states the press has named
 * as hosts of DPRK workers. Its name says so wherever it is shown, the board included.
 */
export const dprkWorkerHosts = {
  id: 'dprk-worker-hosts',
  name: 'Illustration: states said to host DPRK workers',
  kind: 'custom',
  members: ['AE', 'AO', 'CG', 'CM', 'CN', 'ET', 'GQ', 'KW', 'NG', 'QA', 'RU', 'SN', 'TZ', 'UG', 'ZA', 'ZW'],
  description:
    'An illustration, not a record: China, Russia, the Gulf states that employed DPRK workers, and African states the press has named (2019). No one source lists these states.',
} as const;
