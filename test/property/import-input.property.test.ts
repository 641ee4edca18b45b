import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importColumns } from '../../lambdas/core/imports/import-columns.ts';
import { readImportRow } from '../../lambdas/core/imports/import-row.ts';
import { readImportText } from '../../lambdas/core/imports/import-text.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';

/**
 * The import's reading and checking, whatever the file: random text, and near-valid rows whose
 * cells mix good and bad values. Reading never throws; the API answers 200 or 400, never 5xx, and
 * every row error names a line of the file and a column.
 */
let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

/** Cells as people type them: valid values of each column, near misses and junk. */
const cellArb = fc.oneof(
  fc.constantFrom(
    'report',
    'figure',
    'RU',
    'rus',
    'world',
    'XX',
    '2397-p8-midterm',
    '2397-p8-repatriation',
    'workers.remaining',
    'revenue.estimated',
    'Workers',
  ),
  fc.constantFrom(
    '2019-03-22',
    '2019-02-30',
    '2999-01-01',
    '11490',
    '1,500',
    '-5',
    '1e16',
    'true',
    'false',
    'yes',
    'un-report',
    'blog',
    'https://un.org',
    'ftp://x',
  ),
  fc.string({ maxLength: 12 }),
  fc.constant(''),
);

const csvCell = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** A CSV file: a header of known columns (now and then an unknown one) and rows of random cells. */
const csvArb = fc
  .tuple(
    fc.uniqueArray(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...importColumns) },
        { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
      ),
      { minLength: 1, maxLength: 12 },
    ),
    fc.nat({ max: 8 }),
  )
  .chain(([columns, rows]) =>
    fc
      .array(fc.array(cellArb, { minLength: columns.length, maxLength: columns.length }), {
        minLength: rows,
        maxLength: rows,
      })
      .map((cells) => [columns.map(csvCell).join(','), ...cells.map((row) => row.map(csvCell).join(','))].join('\n')),
  );

describe('reading import files', () => {
  it('never throws on any text; every row and error sits on a line of the file', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('csv' as const, 'jsonl' as const), (text, format) => {
        const file = readImportText(text, format);
        const lines = (text.match(/\r\n|\n|\r/g)?.length ?? 0) + 1;
        for (const { row } of file.errors) expect(row).toBeGreaterThanOrEqual(1);
        for (const row of file.rows) {
          expect(row.line).toBeGreaterThanOrEqual(1);
          expect(row.line).toBeLessThanOrEqual(lines);
          const reading = readImportRow(row, format);
          expect(reading.row !== undefined || (reading.errors?.length ?? 0) > 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('POST /imports, whatever the file', () => {
  it('answers 200 or 400, and a 400 names the rows and columns at fault', async () => {
    await fc.assert(
      fc.asyncProperty(csvArb, fc.boolean(), async (csv, dryRun) => {
        const response = await api.request(`/imports${dryRun ? '?dryRun=true' : ''}`, {
          method: 'POST',
          as: 'admin',
          headers: { 'content-type': 'text/csv' },
          body: csv,
        });
        const context = `${csv}\n→ ${response.status} ${response.text.slice(0, 500)}`;
        expect([200, 400], context).toContain(response.status);
        if (response.status === 200) return;
        const body = response.json as {
          error?: { field?: string };
          rows?: { row: number; field: string; message: string }[];
        };
        expect(body.error?.field, context).toBeTruthy();
        for (const { row, field, message } of body.rows ?? []) {
          expect(row, context).toBeGreaterThanOrEqual(1);
          expect(field.length > 0 && message.length > 0, context).toBe(true);
        }
      }),
      { numRuns: 20 },
    );
  });
});
