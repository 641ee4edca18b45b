import type * as z from 'zod/mini';
import { DomainError, invalidInput } from '../errors.ts';
import { type FigureInput, figureInputSchema, metricIdSchema } from '../figures/figure-schema.ts';
import { type ReportInput, reportInputSchema } from '../reports/report-schema.ts';
import { findFigureSubject, findState } from '../status/state-directory.ts';
import { csvCellValue, figureColumns, importColumns, reportColumns } from './import-columns.ts';
import type { ImportFormat, TextRow } from './import-text.ts';
import type { RowError } from './row-error.ts';

/** A row whose columns are well formed: its state is known and its body is what the single-record API accepts. */
export type ImportRow =
  | { readonly kind: 'report'; readonly line: number; readonly state: string; readonly input: ReportInput }
  | {
      readonly kind: 'figure';
      readonly line: number;
      readonly state: string;
      readonly metric: string;
      readonly input: FigureInput;
    };

type RowReading =
  | { readonly row: ImportRow; readonly errors?: never }
  | { readonly row?: never; readonly errors: readonly RowError[] };

const columnsOf = { report: reportColumns, figure: figureColumns } as const;

/** A report's flattened `source`, as its columns hold it: a key per column given, none when no column is. */
const sourceOf = (fields: Record<string, unknown>) => {
  const given = Object.entries(fields).filter(([, value]) => value !== undefined);
  return given.length > 0 ? { source: Object.fromEntries(given) } : {};
};

/** A zod issue's path in the row's columns: `source.kind` was the column `sourceKind`. */
const columnOf = (path: readonly PropertyKey[]): string => {
  const [first, second] = path.map(String);
  return first === 'source' && second ? `source${second.charAt(0).toUpperCase()}${second.slice(1)}` : (first ?? 'row');
};

const issuesOf = (line: number, error: z.core.$ZodError, values: Readonly<Record<string, unknown>>): RowError[] =>
  error.issues.map((issue) => {
    const field = columnOf(issue.path);
    const message = issue.code === 'invalid_type' && values[field] === undefined ? 'is required' : issue.message;
    return { row: line, field, message };
  });

/** A state column resolved as the single-record API resolves its path: reports are by member states, figures may be worldwide. */
const stateOf = (kind: ImportRow['kind'], raw: unknown): string => {
  if (typeof raw !== 'string')
    throw invalidInput('state', raw === undefined ? 'is required' : 'must be a state code such as RU or RUS');
  return kind === 'report' ? findState(raw, 'state').alpha2 : findFigureSubject(raw, 'state');
};

/**
 * Reads one row with the single-record API's own schemas: every column of the row is checked and
 * every fault named, so one upload shows all that needs fixing. CSV cells are text, turned into
 * numbers and booleans where their column holds those; JSON lines carry their own types.
 */
export const readImportRow = ({ line, fields }: TextRow, format: ImportFormat): RowReading => {
  const { kind, state: rawState, ...rest } = fields;
  if (kind !== 'report' && kind !== 'figure') {
    return {
      errors: [
        {
          row: line,
          field: 'kind',
          message: kind === undefined ? 'is required: report or figure' : 'must be report or figure',
        },
      ],
    };
  }
  const allowed: readonly string[] = columnsOf[kind];
  const errors: RowError[] = [];
  const values: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(rest)) {
    if (!allowed.includes(column)) {
      const known = (importColumns as readonly string[]).includes(column);
      errors.push({
        row: line,
        field: column,
        message: known
          ? `is not a column of ${kind} rows: leave it empty`
          : `is not a column; ${kind} rows have ${allowed.join(', ')}`,
      });
      continue;
    }
    const cell = format === 'csv' && typeof raw === 'string' ? csvCellValue(column, raw) : { value: raw };
    if ('error' in cell) errors.push({ row: line, field: column, message: cell.error });
    else values[column] = cell.value;
  }
  let state = '';
  try {
    state = stateOf(kind, rawState);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    errors.push({ row: line, field: 'state', message: error.message });
  }
  // Columns already refused above are left out, so each fault is told once.
  const refused = new Set(errors.map(({ field }) => field));
  const known = Object.fromEntries(Object.entries(values).filter(([column]) => !refused.has(column)));
  if (kind === 'report') {
    const { sourceKind, sourcePublisher, sourceUrl, sourceReadOn, ...report } = known;
    const parsed = reportInputSchema.safeParse({
      ...report,
      ...sourceOf({ kind: sourceKind, publisher: sourcePublisher, url: sourceUrl, readOn: sourceReadOn }),
    });
    if (!parsed.success) errors.push(...issuesOf(line, parsed.error, known).filter(({ field }) => !refused.has(field)));
    return errors.length > 0 || !parsed.success ? { errors } : { row: { kind, line, state, input: parsed.data } };
  }
  const { metric, sourceKind, sourceRef, sourceUrl, sourcePublisher, sourceReadOn, ...figure } = known;
  const metricParsed = metricIdSchema.safeParse(metric);
  if (!metricParsed.success && !refused.has('metric')) {
    errors.push({
      row: line,
      field: 'metric',
      message: metric === undefined ? 'is required' : (metricParsed.error.issues[0]?.message ?? 'is invalid'),
    });
  }
  const source = Object.fromEntries(
    Object.entries({
      kind: sourceKind,
      ref: sourceRef,
      url: sourceUrl,
      publisher: sourcePublisher,
      readOn: sourceReadOn,
    }).filter(([, value]) => value !== undefined),
  );
  const parsed = figureInputSchema.safeParse({ ...figure, source });
  if (!parsed.success) errors.push(...issuesOf(line, parsed.error, known).filter(({ field }) => !refused.has(field)));
  return errors.length > 0 || !parsed.success || !metricParsed.success
    ? { errors }
    : { row: { kind, line, state, metric: metricParsed.data, input: parsed.data } };
};
