import { describe, expect, it } from 'vitest';
import { WORLD } from '../../lambdas/contracts/world.ts';
import { figureInputSchema, reportFigureInputSchema } from '../../lambdas/core/figures/figure-schema.ts';
import { parseStateCode } from '../../lambdas/core/reference/member-states.ts';
import { seedMetrics } from '../../lambdas/core/reference/metrics.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import { reportInputSchema } from '../../lambdas/core/reports/report-schema.ts';
import { parseIsoDate } from '../../lambdas/core/time/calendar-date.ts';
import { dprkWorkerHosts, READ_ON, sampleRecords } from '../../local/sample/sample-data-2019.ts';

const metricIds = new Set(seedMetrics.map(({ id }) => id));
const obligationIds = new Set(seedObligations.map(({ id }) => id));

const everySource = sampleRecords.flatMap((record) =>
  record.kind === 'figure' ? [record.figure.source] : [record.source, ...record.figures.map((figure) => figure.source)],
);

describe('the verified record of 2018-2021', () => {
  it('gives every fact a page (https), its publisher and the day it was read', () => {
    expect(everySource.length).toBeGreaterThan(40);
    for (const source of everySource) {
      expect(source.url, source.publisher).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
      expect(source.publisher.length).toBeGreaterThan(2);
      expect(source.readOn).toBe(READ_ON);
    }
  });

  it("keeps a date known only to the month as that month's last day, marked as such", () => {
    const monthly = sampleRecords.filter((record) => record.kind === 'report' && record.dateAccuracy === 'month');
    expect(monthly.map((record) => `${record.state} ${record.kind === 'report' ? record.reportDate : ''}`)).toEqual([
      'AE 2019-03-31',
      'GQ 2019-03-31',
      'PL 2019-03-31',
      'KW 2019-04-30',
    ]);
  });

  it('is what the API accepts: member states, known metrics and obligations, valid bodies, a source on every fact', () => {
    for (const record of sampleRecords) {
      expect(record.state === WORLD || parseStateCode(record.state).ok, record.state).toBe(true);
      expect(parseIsoDate(record.arrives), record.arrives).toBeDefined();
      if (record.kind === 'figure') {
        expect(metricIds.has(record.figure.metric), record.figure.metric).toBe(true);
        expect(
          figureInputSchema.safeParse({
            ...record.figure.amount,
            asOf: record.figure.asOf,
            source: record.figure.source,
          }).success,
        ).toBe(true);
        expect(record.figure.source.ref.length).toBeGreaterThan(10);
        continue;
      }
      expect(obligationIds.has(record.obligationId), record.obligationId).toBe(true);
      expect(record.arrives >= record.reportDate, `${record.state} arrives before its date`).toBe(true);
      expect(
        reportInputSchema.safeParse({
          obligationId: record.obligationId,
          reportDate: record.reportDate,
          dateAccuracy: record.dateAccuracy,
          public: record.public,
          note: record.note,
          source: record.source,
        }).success,
      ).toBe(true);
      for (const figure of record.figures) {
        expect(
          reportFigureInputSchema.safeParse({
            metric: figure.metric,
            ...figure.amount,
            asOf: figure.asOf,
            source: figure.source,
          }).success,
        ).toBe(true);
      }
      expect(record.note.length).toBeGreaterThan(10);
    }
  });

  it('holds the figures the story turns on', () => {
    const figures = sampleRecords.flatMap((record) =>
      record.kind === 'figure'
        ? [{ state: record.state, ...record.figure }]
        : record.figures.map((figure) => ({ state: record.state, ...figure })),
    );
    const valueOf = (state: string, metric: string, asOf: string) =>
      figures.find((figure) => figure.state === state && figure.metric === metric && figure.asOf === asOf)?.amount;
    expect(valueOf('RU', 'work-permits.valid', '2017-12-31')).toEqual({ value: 30_023 });
    expect(valueOf('RU', 'work-permits.valid', '2018-12-31')).toEqual({ value: 11_490 });
    expect(valueOf('CN', 'workers.estimated', '2019-03-27')).toEqual({ value: 80_000 });
    expect(valueOf('QA', 'workers.remaining', '2018-06-30')).toEqual({ value: 150 });
    // Nepal's letter says 33 left, not that 33 remain.
    expect(valueOf('NP', 'workers.repatriated', '2019-10-31')).toEqual({ value: 33 });
    expect(valueOf('NP', 'workers.remaining', '2019-10-31')).toBeUndefined();
    expect(valueOf(WORLD, 'workers.repatriated', '2019-09-26')).toEqual({ value: 23_200 });
    expect(valueOf(WORLD, 'workers.estimated', '2019-12-21')).toEqual({ value: 100_000 });
    expect(valueOf(WORLD, 'revenue.estimated', '2019-12-23')).toEqual({ low: 200_000_000, high: 500_000_000 });
    const china = sampleRecords.find((record) => record.kind === 'report' && record.state === 'CN');
    expect(china).toMatchObject({ public: false, obligationId: '2397-p8-midterm', reportDate: '2019-03-08' });
  });

  it("holds no figure that no source supports: not Russia's 511, not Qatar's 70", () => {
    const values = (state: string) =>
      sampleRecords
        .filter((record) => record.state === state)
        .flatMap((record) => (record.kind === 'figure' ? [record.figure] : record.figures))
        .map((figure) => ('value' in figure.amount ? figure.amount.value : undefined));
    expect(values('RU')).not.toContain(511);
    expect(values('QA')).not.toContain(70);
    expect(values('QA')).not.toContain(2_500);
  });

  it('labels the hosts group an illustration, not a record', () => {
    expect(dprkWorkerHosts.name).toMatch(/^Illustration: /);
    expect(dprkWorkerHosts.description).toContain('not a record');
  });

  it('groups the states believed to host DPRK workers, Equatorial Guinea among the African ones', () => {
    expect(dprkWorkerHosts.members).toEqual(
      expect.arrayContaining([
        'CN',
        'RU',
        'AE',
        'QA',
        'KW',
        'GQ',
        'UG',
        'AO',
        'ET',
        'SN',
        'ZA',
        'NG',
        'CG',
        'CM',
        'TZ',
        'ZW',
      ]),
    );
    expect([...dprkWorkerHosts.members].sort()).toEqual(dprkWorkerHosts.members);
  });
});
