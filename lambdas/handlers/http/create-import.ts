import { logger } from '../../adapters/logger.ts';
import * as aws from '../../aws-dependencies.ts';
import { importQuery } from '../../core/api/route-queries.ts';
import { invalidInput } from '../../core/errors.ts';
import { type ImportDependencies, importRecords } from '../../core/imports/import-records.ts';
import type { ImportFormat } from '../../core/imports/import-text.ts';
import type { RowError } from '../../core/imports/row-error.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requireAdmin } from './caller.ts';
import { type HttpResult, httpHandler, ok } from './http-handler.ts';
import { queryParameters, textBody } from './request-input.ts';

/**
 * 4 MB: under Lambda's 6 MB request payload even when API Gateway base64-encodes the body (4/3
 * larger), and well over what 20,000 rows take.
 */
const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
/** Row errors listed in a refusal; the rest are counted. */
const ROW_ERRORS_LISTED = 100;

const formatOfMediaType: Readonly<Record<string, ImportFormat>> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
};

const formatOf = (contentType: string | undefined): ImportFormat => {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = formatOfMediaType[mediaType];
  if (format === undefined) {
    const given = mediaType === '' ? 'none was given' : `not ${mediaType}`;
    throw invalidInput(
      'content-type',
      `Send the file as text/csv, or as JSON lines with application/x-ndjson or application/jsonl (${given})`,
      'unsupported-content-type',
    );
  }
  return format;
};

/** 400 with every row error (the first 100 listed): nothing was written. */
const refusal = (rows: number, errors: readonly RowError[]): HttpResult => {
  const lines = new Set(errors.map(({ row }) => row)).size;
  const listed = errors.slice(0, ROW_ERRORS_LISTED);
  const more = errors.length - listed.length;
  return {
    status: 400,
    body: {
      error: {
        code: 'invalid-rows',
        message: `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} on ${lines} of the file's lines (${rows} rows); nothing was written${more > 0 ? `. The first ${listed.length} are listed` : ''}`,
        field: 'rows',
      },
      rows: listed,
      ...(more > 0 ? { moreErrors: more } : {}),
    },
  };
};

/**
 * POST /imports[?dryRun=true] (admin) — imports reports and figures from a CSV or JSON lines body
 * (docs/imports.md): all rows are checked first, and one bad row writes nothing. With dryRun, only
 * checks, and says what would be written.
 */
export const handlerFor = (deps: ImportDependencies) =>
  httpHandler(async (event) => {
    requireAdmin(event);
    const { dryRun } = queryParameters(event, importQuery());
    const format = formatOf(event.headers['content-type']);
    const text = textBody(event, MAX_IMPORT_BYTES);
    if (text.trim() === '') throw invalidInput('body', 'The body is empty: send the file as it is', 'empty-import');
    const outcome = await importRecords({ text, format, dryRun: dryRun === 'true' }, deps);
    if (outcome.kind === 'rejected') {
      logger.info('import rejected', { rows: outcome.rows, errors: outcome.errors.length });
      return refusal(outcome.rows, outcome.errors);
    }
    const { summary } = outcome;
    logger.info('import done', {
      dryRun: summary.dryRun,
      rows: summary.rows,
      written: summary.written,
      unchanged: summary.unchanged,
      skipped: summary.skipped.length,
    });
    return ok(summary);
  });

export const handler = lazyHandler(() =>
  handlerFor({
    clock: aws.clock(),
    obligations: aws.obligations(),
    metrics: aws.metrics(),
    customGroups: aws.customGroups(),
    importStore: aws.importStore(),
  }),
);
