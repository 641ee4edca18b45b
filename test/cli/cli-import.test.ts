import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createApiClient } from '../../cli/api-client.ts';
import { ApiError } from '../../cli/api-errors.ts';
import { type ImportOptions, importCommand, parseImportArgs } from '../../cli/commands/import.ts';
import { type Progress, progressOn } from '../../cli/progress.ts';
import { UsageError } from '../../cli/usage-error.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';
import { runCli } from './run-cli.ts';

/** `sanctions-watch import` against the real API (its handlers over HTTP on DynamoDB Local). */
let api: Awaited<ReturnType<typeof startSeededTestApi>>;
let admin: ApiClient;
const directory = mkdtempSync(join(tmpdir(), 'sanctions-watch-cli-import-'));
const samplePath = resolve(import.meta.dirname, '../../local/sample/sample-import-2019.csv');
const sampleCsv = readFileSync(samplePath, 'utf8');

beforeAll(async () => {
  api = await startSeededTestApi();
  admin = createApiClient({ baseUrl: api.url, token: api.tokens.admin });
});
afterAll(async () => {
  await api.close();
  rmSync(directory, { recursive: true, force: true });
});

/** A progress that remembers what it was told, as a person would have seen it on stderr. */
const recordedProgress = () => {
  const notes: string[] = [];
  const steps: string[] = [];
  const progress: Progress = {
    advance: (done, total) => steps.push(`${done}/${total}`),
    note: (line) => notes.push(line),
    finish: () => undefined,
  };
  return { progress, notes, steps };
};

const options = (overrides: Partial<ImportOptions> & Pick<ImportOptions, 'progress'>): ImportOptions => ({
  path: 'sample.csv',
  text: sampleCsv,
  format: 'csv',
  dryRun: false,
  rowsPerRequest: 1000,
  ...overrides,
});

const reportsOf = async (code: string) =>
  ((await api.request(`/states/${code}`)).json as { obligations: { reports: unknown[] }[] }).obligations.flatMap(
    (o) => o.reports,
  );

const badCsv = [
  'kind,state,obligationId,reportDate,metric,value,asOf,sourceKind',
  'report,RU,2397-p8-final,2020-03-20,,,,',
  'figure,RU,,,work-permits.valid,30023,2017-12-31,un-report',
  'figure,RU,,,work-permits.valid,11490,2018-12-31,un-report',
  '',
  'figure,QA,,,workers.remaining,70,2019-03-01,un-report',
  'figure,QA,,,workers.remaining,many,2019-06-01,un-report',
  'report,ZZ,2397-p8-midterm,2019-03-20,,,,',
].join('\n');

describe('import', () => {
  it('takes the format from the extension unless --format says otherwise, and refuses what it cannot read', () => {
    const jsonl = join(directory, 'rows.ndjson');
    writeFileSync(jsonl, '{}\n');
    const other = join(directory, 'rows.txt');
    writeFileSync(other, 'kind,state\n');

    expect(parseImportArgs([samplePath]).options).toMatchObject({ format: 'csv', dryRun: false, rowsPerRequest: 1000 });
    expect(parseImportArgs([jsonl, '--dry-run']).options).toMatchObject({ format: 'jsonl', dryRun: true });
    expect(parseImportArgs([other, '--format', 'csv', '--rows-per-request', '5']).options).toMatchObject({
      format: 'csv',
      rowsPerRequest: 5,
    });
    expect(() => parseImportArgs([other])).toThrow(UsageError);
    expect(() => parseImportArgs([other, '--format', 'xlsx'])).toThrow('--format must be csv or jsonl');
    expect(() => parseImportArgs([join(directory, 'missing.csv')])).toThrow('cannot read');
    expect(() => parseImportArgs([samplePath, '--rows-per-request', '0'])).toThrow('--rows-per-request');
  });

  it('with --dry-run, says what the file would write and writes nothing', async () => {
    const { progress } = recordedProgress();

    const { lines } = await importCommand(options({ dryRun: true, progress }), admin);

    expect(lines).toEqual([
      'sample.csv: 48 rows, all valid. Importing it would write 26 reports and 22 figures (18 latest figures moved); 0 rows recorded already.',
    ]);
    expect(await reportsOf('RU')).toEqual([]);
  });

  it('refuses a file sent in parts when any row is bad, naming the lines of the file, and writes nothing', async () => {
    const { progress, notes, steps } = recordedProgress();

    const error = await importCommand(
      options({ path: 'bad.csv', text: badCsv, rowsPerRequest: 2, progress }),
      admin,
    ).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(notes).toEqual([
      expect.stringMatching(/^bad\.csv:7: value: "many" is not a number/),
      expect.stringMatching(/^bad\.csv:8: state: /),
    ]);
    expect(steps).toEqual([]);
    expect(await reportsOf('RU')).toEqual([]);
  });

  it('sends a large file in parts, advancing the progress per part, and sums what each part wrote', async () => {
    const { progress, steps } = recordedProgress();

    const { lines, json } = await importCommand(options({ rowsPerRequest: 16, progress }), admin);

    expect(steps).toEqual(['16/48', '32/48', '48/48']);
    // Figures of one state and metric that fall in different parts move its latest figure once per part.
    expect(json).toMatchObject({ rows: 48, written: { reports: 26, figures: 22, latestFigures: 21 }, unchanged: 0 });
    expect(lines).toEqual([
      'Imported sample.csv: 48 rows. Wrote 26 reports and 22 figures (21 latest figures moved); 0 rows recorded already.',
    ]);
    expect(await reportsOf('RU')).toHaveLength(1);
  });

  it('as a command line: imports again with nothing to write, and shows plain progress lines when stderr is not a terminal', async () => {
    const again = await runCli([
      'import',
      samplePath,
      '--rows-per-request',
      '24',
      '--api',
      api.url,
      '--token',
      api.tokens.admin,
    ]);

    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Wrote 0 reports and 0 figures (0 latest figures moved); 48 rows recorded already.');
    expect(again.stderr.split('\n')).toEqual(['imported 24/48 rows', 'imported 48/48 rows', '']);
  });

  it('as a command line: prints each bad row and one error line, with exit code 1', async () => {
    const bad = join(directory, 'bad.csv');
    writeFileSync(bad, badCsv);

    const refused = await runCli(['import', bad, '--api', api.url, '--token', api.tokens.admin]);

    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      `${bad}:7: value: "many" is not a number: write digits only, such as 11490`,
      `${bad}:8: state: "ZZ" is not the code of a UN member state`,
      "error: 2 errors on 2 of the file's lines (6 rows); nothing was written (400)",
    ]);
  });
});

describe('the progress bar', () => {
  it('redraws one line on a terminal and ends it when done; notes go above it', () => {
    let written = '';
    const progress = progressOn({ isTTY: true, write: (text: string) => (written += text) });

    progress.advance(5, 10);
    progress.note('a note');
    progress.advance(10, 10);
    progress.finish();

    expect(written).toBe(
      `\r[${'#'.repeat(15)}${'-'.repeat(15)}]  50% 5/10 rows\na note\n\r[${'#'.repeat(30)}] 100% 10/10 rows\n`,
    );
  });
});
