import { describe, expect, it } from 'vitest';
import { WORLD } from '../../lambdas/contracts/world.ts';
import { figureInputSchema, reportFigureInputSchema } from '../../lambdas/core/figures/figure-schema.ts';
import { parseStateCode } from '../../lambdas/core/reference/member-states.ts';
import { seedMetrics } from '../../lambdas/core/reference/metrics.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import { reportInputSchema } from '../../lambdas/core/reports/report-schema.ts';
import { parseIsoDate } from '../../lambdas/core/time/calendar-date.ts';
import { dprkWorkerHosts, sampleRecords } from '../../local/sample/sample-data-2019.ts';

const metricIds = new Set(seedMetrics.map(({ id }) => id));
const obligationIds = new Set(seedObligations.map(({ id }) => id));

describe('the 2019 sample data', () => {
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
      expect(
        reportInputSchema.safeParse({
          obligationId: record.obligationId,
          reportDate: record.reportDate,
          public: record.public,
          note: record.source,
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
      expect(record.source.length).toBeGreaterThan(10);
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
    expect(valueOf('CN', 'workers.estimated', '2019-01-01')).toEqual({ low: 50_000, high: 80_000 });
    expect(valueOf('QA', 'workers.remaining', '2018-06-30')).toEqual({ value: 150 });
    expect(valueOf('NP', 'workers.remaining', '2019-10-31')).toEqual({ value: 33 });
    expect(valueOf(WORLD, 'workers.repatriated', '2019-12-01')).toEqual({ value: 23_245 });
    expect(valueOf(WORLD, 'workers.estimated', '2017-12-31')).toEqual({ value: 100_000 });
    expect(valueOf(WORLD, 'revenue.estimated', '2017-12-31')).toEqual({ low: 200_000_000, high: 500_000_000 });
    const china = sampleRecords.find((record) => record.kind === 'report' && record.state === 'CN');
    expect(china).toMatchObject({ public: false, obligationId: '2397-p8-midterm' });
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
