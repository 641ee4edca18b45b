import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import * as z from 'zod/mini';
import { importChunks } from '../../lambdas/core/imports/import-chunks.ts';
import { MAX_IMPORT_ROWS } from '../../lambdas/core/imports/import-records.ts';
import type { ImportFormat } from '../../lambdas/core/imports/import-text.ts';
import type { ApiClient } from '../api-client.ts';
import { ApiError } from '../api-errors.ts';
import { wholeNumber } from '../arg-values.ts';
import { type CommandOutput, defineCommand, type ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';
import { type Progress, progressOn } from '../progress.ts';
import { readResponse } from '../read-response.ts';
import { UsageError } from '../usage-error.ts';

export interface ImportOptions {
  /** As given, for the messages. */
  readonly path: string;
  readonly text: string;
  readonly format: ImportFormat;
  readonly dryRun: boolean;
  readonly rowsPerRequest: number;
  readonly progress: Progress;
}

const DEFAULT_ROWS_PER_REQUEST = 1000;

const usage = `usage: sanctions-watch import <file> [--format csv|jsonl] [--dry-run] [--rows-per-request N]
  Imports reports and figures from a CSV or JSON lines file (admin); docs/imports.md lists the columns,
  local/sample/sample-import-2019.csv is an example. A file of more than one request is checked whole
  first: any bad row is named by its line and nothing is written. Then it is sent in parts, with a
  progress bar on a terminal. Rows recorded already are left as they are, so importing again is safe.
  --format            csv or jsonl; by default from the extension (.csv, .jsonl, .ndjson)
  --dry-run           only check the file, and say what importing it would write
  --rows-per-request  rows sent per request (default ${DEFAULT_ROWS_PER_REQUEST}, at most ${MAX_IMPORT_ROWS})`;

const formatOfExtension: Readonly<Record<string, ImportFormat>> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};
const contentTypeOf: Readonly<Record<ImportFormat, string>> = { csv: 'text/csv', jsonl: 'application/x-ndjson' };

const formatOf = (path: string, flag: string | undefined): ImportFormat => {
  if (flag === 'csv' || flag === 'jsonl') return flag;
  if (flag !== undefined) throw new UsageError(`--format must be csv or jsonl, got "${flag}"`);
  const format = formatOfExtension[extname(path).toLowerCase()];
  if (format === undefined)
    throw new UsageError(`cannot tell the format of "${path}" from its extension: give --format csv or --format jsonl`);
  return format;
};

const readFile = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read "${path}": ${error instanceof Error && 'code' in error ? String(error.code) : String(error)}`,
    );
  }
};

export const parseImportArgs = (args: readonly string[]): ParsedArgs<ImportOptions> => {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'rows-per-request': { type: 'string' },
  });
  const [path = ''] = exactPositionals(positionals, ['file']);
  const rowsPerRequest =
    values['rows-per-request'] === undefined
      ? DEFAULT_ROWS_PER_REQUEST
      : wholeNumber('rows-per-request', values['rows-per-request']);
  if (rowsPerRequest < 1 || rowsPerRequest > MAX_IMPORT_ROWS)
    throw new UsageError(`--rows-per-request must be from 1 to ${MAX_IMPORT_ROWS}, got ${rowsPerRequest}`);
  const format = formatOf(path, values.format);
  return {
    common: commonOf(values),
    options: {
      path,
      text: readFile(path),
      format,
      dryRun: values['dry-run'],
      rowsPerRequest,
      progress: progressOn(process.stderr),
    },
  };
};

export const importSummarySchema = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  written: z.object({ reports: z.number(), figures: z.number(), latestFigures: z.number() }),
  unchanged: z.number(),
  skipped: z.array(z.object({ row: z.number(), message: z.string() })),
});
type Summary = z.infer<typeof importSummarySchema>;

export const importRefusalSchema = z.object({
  rows: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
  moreErrors: z.optional(z.number()),
});

const some = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Sends one request; a refusal's row errors are written above the progress bar by the file's
 * line numbers before the error goes up to be printed as the command's one error line.
 */
const send = async (
  client: ApiClient,
  options: ImportOptions,
  text: string,
  dryRun: boolean,
  fileLine: (line: number) => number,
): Promise<Summary> => {
  try {
    const json = await client.request('POST', '/imports', {
      query: { dryRun: dryRun ? 'true' : undefined },
      text: { body: text, contentType: contentTypeOf[options.format] },
    });
    const summary = readResponse(importSummarySchema, json, 'POST /imports');
    return { ...summary, skipped: summary.skipped.map((skip) => ({ ...skip, row: fileLine(skip.row) })) };
  } catch (error) {
    const refusal =
      error instanceof ApiError && error.code === 'invalid-rows'
        ? importRefusalSchema.safeParse(error.body)
        : undefined;
    if (refusal?.success) {
      for (const { row, field, message } of refusal.data.rows)
        options.progress.note(`${options.path}:${fileLine(row)}: ${field}: ${message}`);
      if (refusal.data.moreErrors !== undefined)
        options.progress.note(`... and ${some(refusal.data.moreErrors, 'more error')}`);
    }
    throw error;
  }
};

const sum = (a: Summary, b: Summary): Summary => ({
  dryRun: a.dryRun,
  rows: a.rows + b.rows,
  written: {
    reports: a.written.reports + b.written.reports,
    figures: a.written.figures + b.written.figures,
    latestFigures: a.written.latestFigures + b.written.latestFigures,
  },
  unchanged: a.unchanged + b.unchanged,
  skipped: [...a.skipped, ...b.skipped],
});

const linesOf = (options: ImportOptions, summary: Summary): string[] => {
  const { reports, figures, latestFigures } = summary.written;
  const what = `${some(reports, 'report')} and ${some(figures, 'figure')} (${some(latestFigures, 'latest figure')} moved)`;
  return summary.dryRun
    ? [
        `${options.path}: ${some(summary.rows, 'row')}, all valid. Importing it would write ${what}; ${some(summary.unchanged, 'row')} recorded already.`,
      ]
    : [
        `Imported ${options.path}: ${some(summary.rows, 'row')}. Wrote ${what}; ${some(summary.unchanged, 'row')} recorded already.`,
        ...summary.skipped.map(({ row, message }) => `line ${row} skipped: ${message}`),
      ];
};

/**
 * POST /imports. A file that fits one request is sent once: the API checks it whole and writes
 * all or nothing. A larger one is first checked whole with a dry run (so a bad row anywhere
 * writes nothing), then sent part by part, the progress bar advancing per part.
 */
export const importCommand = async (options: ImportOptions, client: ApiClient): Promise<CommandOutput> => {
  const same = (line: number) => line;
  const chunks = importChunks(options.text, options.format, options.rowsPerRequest);
  if (options.dryRun || chunks.length <= 1) {
    const summary = await send(client, options, options.text, options.dryRun, same);
    return { json: summary, lines: linesOf(options, summary) };
  }
  await send(client, options, options.text, true, same);
  let total: Summary | undefined;
  for (const [index, chunk] of chunks.entries()) {
    try {
      const part = await send(client, options, chunk.text, false, chunk.fileLine);
      total = total ? sum(total, part) : part;
    } catch (error) {
      options.progress.finish();
      // Parts before this one are in; the file checked whole a moment ago, so this is a race (or an outage).
      const done = total?.rows ?? 0;
      const note = `part ${index + 1} of ${chunks.length} failed after ${some(done, 'row')} had been imported; importing the file again resumes safely`;
      throw error instanceof ApiError
        ? new ApiError(error.status, `${note}: ${error.message}`, {
            code: error.code,
            field: error.field,
            body: error.body,
          })
        : error;
    }
    options.progress.advance(
      total.rows,
      chunks.reduce((rows, { rows: n }) => rows + n, 0),
    );
  }
  options.progress.finish();
  if (!total) throw new Error('no part was sent');
  return { json: total, lines: linesOf(options, total) };
};

export const importFile = defineCommand({
  name: 'import',
  summary: 'import reports and figures from a CSV or JSON lines file (admin)',
  usage,
  access: 'admin',
  parse: parseImportArgs,
  run: importCommand,
});
