import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoStateRecords } from '../../lambdas/adapters/dynamodb/state-records-repository.ts';
import type { Figure } from '../../lambdas/core/figures/figure.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { createTestTable } from '../support/test-table.ts';

let records: DynamoStateRecords;
beforeAll(async () => {
  const table = await createTestTable();
  records = new DynamoStateRecords(table.documentClient, table.tableName);
});

const remaining = (state: string, value: number, asOf: string, recordedAt = `${asOf}T12:00:00.000Z`): Figure => ({
  state,
  metric: 'workers.remaining',
  value,
  unit: 'persons',
  asOf: isoDate(asOf),
  source: { kind: 'un-report' },
  recordedAt,
});

describe('state records on DynamoDB Local', () => {
  it('under concurrent writers, the figure with the latest asOf ends up as the latest, and every write is in the history', async () => {
    const figures = Array.from({ length: 12 }, (_, month) =>
      remaining('KW', 1000 - month * 50, `2019-${String(month + 1).padStart(2, '0')}-15`),
    );

    await Promise.all(figures.map((figure) => records.recordFigures([figure])));

    expect((await records.latestFiguresOf('KW')).map((f) => [f.asOf, 'value' in f ? f.value : undefined])).toEqual([
      ['2019-12-15', 450],
    ]);
    expect(await records.figureHistory('KW', 'workers.remaining')).toHaveLength(12);
  });

  it("lists every state's latest figure of a metric from one index partition", async () => {
    await records.recordFigures([remaining('AE', 0, '2019-12-01'), remaining('QA', 70, '2019-03-31')]);

    const latest = await records.latestFiguresFor('workers.remaining');

    expect(latest.map((f) => f.state).sort()).toEqual(['AE', 'KW', 'QA']);
  });

  it('keeps a report and its figures together: a duplicate report writes neither', async () => {
    const report = {
      state: 'NP',
      obligationId: '2397-p8-final',
      reportDate: isoDate('2019-11-06'),
      public: true,
      recordedAt: '2019-11-07T00:00:00.000Z',
    };
    await records.recordReport(report, [remaining('NP', 33, '2019-10-31')]);

    await expect(records.recordReport(report, [remaining('NP', 0, '2019-11-05')])).rejects.toMatchObject({
      kind: 'conflict',
      code: 'report-exists',
    });

    expect(await records.reportsOf('NP')).toHaveLength(1);
    expect((await records.figureHistory('NP', 'workers.remaining')).map((f) => f.asOf)).toEqual(['2019-10-31']);
  });
});
