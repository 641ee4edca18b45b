import { describe, expect, it } from 'vitest';
import type { Figure } from '../../lambdas/core/figures/figure.ts';
import { importChunks } from '../../lambdas/core/imports/import-chunks.ts';
import { readImportText } from '../../lambdas/core/imports/import-text.ts';
import { planImport } from '../../lambdas/core/imports/plan-import.ts';
import { repeatedRows } from '../../lambdas/core/imports/repeated-rows.ts';
import type { Report } from '../../lambdas/core/reports/report.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';

const remaining = (value: number, asOf: string, recordedAt: string): Figure => ({
  state: 'QA',
  metric: 'workers.remaining',
  value,
  unit: 'persons',
  asOf: isoDate(asOf),
  source: { kind: 'un-report', ref: "Qatar's report" },
  recordedAt,
});
const IMPORTED_AT = '2026-11-27T10:00:00.000Z';
const EARLIER = '2026-11-01T10:00:00.000Z';

describe('reading an import file', () => {
  it('numbers CSV rows by the line they start on: header 1, blank lines counted, CRLF and multi-line cells, a BOM dropped', () => {
    const csv = '\uFEFFkind,state,note\r\nreport,RU,"two\r\nlines"\r\n\r\n  \r\nfigure,QA,plain\r\nfigure,CN,last';

    const file = readImportText(csv, 'csv');

    expect(file.errors).toEqual([]);
    expect(file.rows.map(({ line, fields }) => [line, fields])).toEqual([
      [2, { kind: 'report', state: 'RU', note: 'two\r\nlines' }],
      [6, { kind: 'figure', state: 'QA', note: 'plain' }],
      [7, { kind: 'figure', state: 'CN', note: 'last' }],
    ]);
  });

  it('names what makes a file unreadable: an unknown or repeated column, a row wider than the header, a broken quote, a JSON line that is no object', () => {
    expect(readImportText('kind,state,valu,state\n', 'csv').errors).toEqual([
      { row: 1, field: 'valu', message: expect.stringContaining('is not a column') },
      { row: 1, field: 'state', message: 'appears twice in the header' },
    ]);
    expect(readImportText('kind,state\nfigure,RU,5\n', 'csv').errors).toEqual([
      { row: 2, field: 'row', message: 'has 3 cells but the header names 2 columns' },
    ]);
    expect(readImportText('kind,state\nfigure,"RU\n', 'csv').errors).toEqual([
      { row: 2, field: 'row', message: expect.stringContaining('is not valid CSV') },
    ]);
    expect(
      readImportText('{"kind":"figure"}\n\n[1]\nnot json\n', 'jsonl').errors.map(({ row, field }) => [row, field]),
    ).toEqual([
      [3, 'row'],
      [4, 'row'],
    ]);
  });

  it("flags a fact given twice on its later line, whatever the state code's form", () => {
    const file = readImportText(
      'kind,state,metric,asOf\nfigure,RU,workers.remaining,2019-01-01\nfigure,rus,workers.remaining,2019-01-01\nfigure,RU,workers.remaining,2019-01-02\n',
      'csv',
    );

    expect(repeatedRows(file.rows)).toEqual([
      { row: 3, field: 'asOf', message: "repeats line 2: RU's workers.remaining as of 2019-01-01" },
    ]);
  });

  it('cuts a file into parts that are files themselves, each line mapped back to the file', () => {
    const csv = 'kind,state\nfigure,RU\n\nfigure,QA\nfigure,CN\nfigure,"A\nE"\nfigure,KW\n';

    const chunks = importChunks(csv, 'csv', 2);

    expect(chunks.map(({ text, rows }) => [text, rows])).toEqual([
      ['kind,state\nfigure,RU\n\nfigure,QA\n', 2],
      ['kind,state\nfigure,CN\nfigure,"A\nE"\n', 2],
      ['kind,state\nfigure,KW\n', 1],
    ]);
    expect([chunks[0]?.fileLine(4), chunks[1]?.fileLine(3), chunks[2]?.fileLine(2), chunks[2]?.fileLine(1)]).toEqual([
      4, 6, 8, 1,
    ]);
    expect(importChunks('{"a":1}\n\n{"b":2}\n{"c":3}', 'jsonl', 2).map(({ text }) => text)).toEqual([
      '{"a":1}\n\n{"b":2}\n',
      '{"c":3}',
    ]);
  });
});

describe('planning an import against what is recorded', () => {
  const report: Report = {
    state: 'KW',
    obligationId: '2397-p8-midterm',
    reportDate: isoDate('2019-03-21'),
    public: true,
    note: 'more than half',
    recordedAt: IMPORTED_AT,
  };

  it('leaves what is recorded as it is, and refuses a report that says otherwise', () => {
    const stored = remaining(150, '2018-06-30', EARLIER);
    const valid = {
      reports: [
        { line: 2, record: report },
        { line: 3, record: { ...report, reportDate: isoDate('2019-12-01'), note: 'the final figures' } },
      ],
      figures: [{ line: 4, record: { ...stored, recordedAt: IMPORTED_AT } }],
    };

    const { plan, errors } = planImport(valid, {
      reports: [
        { ...report, recordedAt: EARLIER },
        { ...report, reportDate: isoDate('2019-12-01'), recordedAt: EARLIER },
      ],
      figures: [stored],
      latest: [stored],
    });

    expect(plan).toEqual({ reports: [], figures: [], latest: [], unchangedLines: [2, 4] });
    expect(errors).toEqual([
      { row: 3, field: 'note', message: expect.stringContaining('is recorded with a different note') },
    ]);
  });

  it("moves each latest figure once, to the file's newest, and not past a newer stored one", () => {
    const valid = {
      reports: [],
      figures: [
        { line: 2, record: remaining(2500, '2016-01-31', IMPORTED_AT) },
        { line: 3, record: remaining(70, '2019-03-01', IMPORTED_AT) },
        { line: 4, record: remaining(150, '2018-06-30', IMPORTED_AT) },
        { line: 5, record: { ...remaining(9, '2019-01-01', IMPORTED_AT), state: 'NP' } },
      ],
    };
    const nepalLatest = { ...remaining(33, '2019-10-31', EARLIER), state: 'NP' };

    const { plan } = planImport(valid, { reports: [], figures: [nepalLatest], latest: [nepalLatest] });

    expect(plan.figures.map(({ line }) => line)).toEqual([2, 3, 4, 5]);
    expect(plan.latest).toEqual([remaining(70, '2019-03-01', IMPORTED_AT)]);
  });

  it('completes an import that stopped before its latest items: the recorded figure becomes the latest, as first recorded', () => {
    const recorded = remaining(70, '2019-03-01', EARLIER);
    const olderLatest = remaining(150, '2018-06-30', EARLIER);

    const { plan } = planImport(
      { reports: [], figures: [{ line: 2, record: { ...recorded, recordedAt: IMPORTED_AT } }] },
      { reports: [], figures: [olderLatest, recorded], latest: [olderLatest] },
    );

    expect(plan).toEqual({ reports: [], figures: [], latest: [recorded], unchangedLines: [2] });
  });

  it('records a correction of the latest day as a new figure that becomes the latest', () => {
    const stored = remaining(70, '2019-03-01', EARLIER);
    const correction = remaining(72, '2019-03-01', IMPORTED_AT);

    const { plan } = planImport(
      { reports: [], figures: [{ line: 2, record: correction }] },
      { reports: [], figures: [stored], latest: [stored] },
    );

    expect(plan).toEqual({
      reports: [],
      figures: [{ line: 2, record: correction }],
      latest: [correction],
      unchangedLines: [],
    });
  });
});
