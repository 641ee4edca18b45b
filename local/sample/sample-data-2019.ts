/**
 * What public sources said in 2019 about resolution 2397's paragraph 8, as `npm start` seeds it
 * and the end-to-end suite uses it (see ../shared/FACTS.md). One line per fact, each with its
 * source. Worldwide figures, which no state reports, are recorded under WORLD. `arrives` is the day the fact reached the public, the day a replay records it.
 */

import { WORLD } from '../../lambdas/contracts/world.ts';

const MIDTERM = '2397-p8-midterm';
const FINAL = '2397-p8-final';
const COMMITTEE = 'https://www.un.org/securitycouncil/sanctions/1718/implementation-reports';

export interface SampleFigure {
  readonly metric: string;
  readonly amount: { readonly value: number } | { readonly low: number; readonly high: number };
  readonly asOf: string;
  readonly source: {
    readonly kind: 'un-report' | 'national' | 'estimate' | 'press';
    readonly ref: string;
    readonly url?: string;
  };
}

export type SampleRecord =
  | {
      readonly kind: 'report';
      readonly state: string;
      readonly arrives: string;
      readonly obligationId: string;
      readonly reportDate: string;
      readonly public: boolean;
      readonly source: string;
      readonly figures: readonly SampleFigure[];
    }
  | { readonly kind: 'figure'; readonly state: string; readonly arrives: string; readonly figure: SampleFigure };

const reported = (metric: string, value: number, asOf: string, ref: string): SampleFigure => ({
  metric,
  amount: { value },
  asOf,
  source: { kind: 'un-report', ref, url: COMMITTEE },
});

const report = (
  state: string,
  obligationId: string,
  reportDate: string,
  source: string,
  figures: readonly SampleFigure[] = [],
  visibility: 'public' | 'not public' = 'public',
): SampleRecord => ({
  kind: 'report',
  state,
  arrives: reportDate,
  obligationId,
  reportDate,
  public: visibility === 'public',
  source,
  figures,
});

const figure = (
  state: string,
  arrives: string,
  metric: string,
  amount: SampleFigure['amount'],
  asOf: string,
  kind: SampleFigure['source']['kind'],
  ref: string,
): SampleRecord => ({
  kind: 'figure',
  state,
  arrives,
  figure: { metric, amount, asOf, source: { kind, ref } },
});

export const sampleRecords: readonly SampleRecord[] = [
  figure(
    WORLD,
    '2017-12-31',
    'workers.estimated',
    { value: 100_000 },
    '2017-12-31',
    'estimate',
    'About 100,000 DPRK workers abroad, US State Department estimate, 2017',
  ),
  figure(
    WORLD,
    '2017-12-31',
    'revenue.estimated',
    { low: 200_000_000, high: 500_000_000 },
    '2017-12-31',
    'estimate',
    "US$200-500 million a year earned by DPRK workers abroad, experts' estimate, 2017",
  ),
  figure(
    'QA',
    '2016-01-31',
    'workers.remaining',
    { value: 2_500 },
    '2016-01-31',
    'press',
    'About 2,500 DPRK workers in Qatar, press reports, January 2016',
  ),
  figure(
    'QA',
    '2018-07-20',
    'workers.remaining',
    { value: 150 },
    '2018-06-30',
    'un-report',
    "Qatar's report to the 1718 Committee dated 20 July 2018",
  ),
  figure(
    'CN',
    '2019-01-15',
    'workers.estimated',
    { low: 50_000, high: 80_000 },
    '2019-01-01',
    'estimate',
    "Experts' estimate of DPRK workers in China, 2019",
  ),
  report(
    'SG',
    MIDTERM,
    '2019-03-15',
    "Singapore's midterm report: all work permits of DPRK nationals revoked, none granted",
    [reported('work-permits.valid', 0, '2019-03-01', "Singapore's midterm report")],
  ),
  report('AE', MIDTERM, '2019-03-20', "United Arab Emirates' midterm report: 823 repatriated, more than half", [
    reported('workers.repatriated', 823, '2019-03-01', "United Arab Emirates' midterm report"),
  ]),
  report('QA', MIDTERM, '2019-03-20', "Qatar's midterm report: 70 DPRK workers left", [
    reported('workers.remaining', 70, '2019-03-01', "Qatar's midterm report"),
  ]),
  report('KW', MIDTERM, '2019-03-21', "Kuwait's midterm report: more than half sent back"),
  report(
    'CN',
    MIDTERM,
    '2019-03-22',
    'China\'s midterm report, submitted with a request not to publish it (press: "more than half" repatriated)',
    [],
    'not public',
  ),
  report(
    'RU',
    MIDTERM,
    '2019-03-22',
    "Russia's midterm report: DPRK nationals with valid work permits, end 2017 and end 2018",
    [
      reported('work-permits.valid', 30_023, '2017-12-31', "Russia's midterm report"),
      reported('work-permits.valid', 11_490, '2018-12-31', "Russia's midterm report"),
    ],
  ),
  report('VN', MIDTERM, '2019-06-28', "Vietnam's midterm report: 51 repatriated", [
    reported('workers.repatriated', 51, '2019-06-15', "Vietnam's midterm report"),
  ]),
  report(
    'GQ',
    MIDTERM,
    '2019-07-10',
    "Equatorial Guinea's midterm report, the only one from an African host state; no number of repatriations",
  ),
  report('NP', MIDTERM, '2019-11-06', "Nepal's report dated 6 November 2019: 33 DPRK workers left at 31 October", [
    reported('workers.remaining', 33, '2019-10-31', "Nepal's report of 6 November 2019"),
  ]),
  report('PL', MIDTERM, '2019-12-04', "Poland's report dated 4 December 2019: none left", [
    reported('workers.remaining', 0, '2019-12-04', "Poland's report of 4 December 2019"),
  ]),
  figure(
    'KW',
    '2019-12-15',
    'workers.repatriated',
    { value: 904 },
    '2019-12-01',
    'press',
    '904 repatriated from Kuwait by December 2019, press reports',
  ),
  figure(
    WORLD,
    '2019-12-15',
    'workers.repatriated',
    { value: 23_245 },
    '2019-12-01',
    'un-report',
    "23,245 repatriated according to states' interim reports to the 1718 Committee (China's not included)",
  ),
  report('RU', FINAL, '2020-03-20', "Russia's final report: 511 DPRK nationals still in Russia", [
    reported('workers.remaining', 511, '2020-03-01', "Russia's final report"),
  ]),
];

/** States experts say hosted DPRK workers, for watches that follow them as one group. */
export const dprkWorkerHosts = {
  id: 'dprk-worker-hosts',
  name: 'States believed to host DPRK workers',
  kind: 'custom',
  members: ['AE', 'AO', 'CG', 'CM', 'CN', 'ET', 'GQ', 'KW', 'NG', 'QA', 'RU', 'SN', 'TZ', 'UG', 'ZA', 'ZW'],
  description:
    'China, Russia, the Gulf states that employed DPRK workers, and the African states experts name (press reports, 2019).',
} as const;
