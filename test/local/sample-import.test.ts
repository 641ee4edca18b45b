import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportRow } from '../../lambdas/core/imports/import-row.ts';
import { readImportText } from '../../lambdas/core/imports/import-text.ts';
import { repeatedRows } from '../../lambdas/core/imports/repeated-rows.ts';
import { sampleRecords } from '../../local/sample/sample-data-2019.ts';

const csv = readFileSync(resolve(import.meta.dirname, '../../local/sample/sample-import-2019.csv'), 'utf8');

/**
 * The sample import file holds facts `npm start` seeds, said exactly as the seed records them, so
 * that importing it into a seeded service finds every row unchanged (and into an empty one,
 * records the 2019 story): a report differing in a word would be refused as a contradiction.
 */
describe('local/sample/sample-import-2019.csv', () => {
  it('is a valid import file whose every row is a fact of sample-data-2019.ts, word for word', () => {
    const file = readImportText(csv, 'csv');
    expect([...file.errors, ...repeatedRows(file.rows)]).toEqual([]);
    const seeded = sampleRecords.flatMap((record) =>
      record.kind === 'figure'
        ? [
            {
              kind: 'figure',
              state: record.state,
              metric: record.figure.metric,
              input: { ...record.figure.amount, asOf: record.figure.asOf, source: record.figure.source },
            },
          ]
        : [
            {
              kind: 'report',
              state: record.state,
              input: {
                obligationId: record.obligationId,
                reportDate: record.reportDate,
                ...(record.dateAccuracy === 'day' ? {} : { dateAccuracy: record.dateAccuracy }),
                public: record.public,
                note: record.note,
                source: record.source,
              },
            },
            ...record.figures.map((figure) => ({
              kind: 'figure',
              state: record.state,
              metric: figure.metric,
              input: { ...figure.amount, asOf: figure.asOf, source: figure.source },
            })),
          ],
    );

    for (const textRow of file.rows) {
      const { row, errors } = readImportRow(textRow, 'csv');
      if (!row) throw new Error(`line ${textRow.line}: ${JSON.stringify(errors)}`);
      const { line, ...fact } = row;
      expect(seeded, `line ${line}`).toContainEqual(fact);
    }
    expect(file.rows).toHaveLength(48);
  });
});
