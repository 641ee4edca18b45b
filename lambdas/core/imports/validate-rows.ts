import { DomainError } from '../errors.ts';
import type { Figure, Metric } from '../figures/figure.ts';
import { figureFromInput, findMetric } from '../figures/figure-from-input.ts';
import type { Obligation } from '../obligations/obligation.ts';
import { checkReportDates, reportableObligation } from '../reports/record-report.ts';
import type { Report } from '../reports/report.ts';
import { findState } from '../status/state-directory.ts';
import type { IsoDate } from '../time/calendar-date.ts';
import type { ImportRow } from './import-row.ts';
import type { RowError } from './row-error.ts';

/** A record read from the file, with the line it came from. */
export interface FromLine<T> {
  readonly line: number;
  readonly record: T;
}

export interface ValidRows {
  readonly reports: readonly FromLine<Report>[];
  readonly figures: readonly FromLine<Figure>[];
}

/** What rows are checked against: the catalogues and group membership, read once per import, and the import's instant. */
export interface ImportContext {
  readonly obligations: ReadonlyMap<string, Obligation>;
  readonly metrics: ReadonlyMap<string, Metric>;
  readonly groupsOf: (alpha2: string) => ReadonlySet<string>;
  readonly today: IsoDate;
  readonly recordedAt: string;
}

/** Runs a single-record rule; the DomainError it raises becomes the row's error. */
const asRowError = async <T>(
  line: number,
  rule: () => T | Promise<T>,
): Promise<{ readonly value: T } | { readonly error: RowError }> => {
  try {
    return { value: await rule() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { error: { row: line, field: error.field ?? 'row', message: error.message } };
  }
};

const reportFrom =
  (row: Extract<ImportRow, { kind: 'report' }>, context: ImportContext) => async (): Promise<Report> => {
    checkReportDates(row.input, context.today);
    await reportableObligation(
      context.obligations.get(row.input.obligationId),
      row.input.obligationId,
      findState(row.state),
      () => Promise.resolve(context.groupsOf),
    );
    // Import rows have no `figures` column: a report's figures are rows of their own.
    return { ...row.input, state: row.state, recordedAt: context.recordedAt };
  };

const figureFrom =
  (row: Extract<ImportRow, { kind: 'figure' }>, context: ImportContext) => async (): Promise<Figure> => {
    const metric = await findMetric({ get: (id) => Promise.resolve(context.metrics.get(id)) }, row.metric, 'metric');
    return figureFromInput(row.input, {
      state: row.state,
      metric,
      today: context.today,
      recordedAt: context.recordedAt,
      fieldPrefix: '',
    });
  };

/**
 * Checks each well-formed row with the single-record API's rules: a known obligation the state
 * reports on, a known metric and its unit, no dates in the future.
 */
export const validateRows = async (
  rows: readonly ImportRow[],
  context: ImportContext,
): Promise<{ readonly valid: ValidRows; readonly errors: readonly RowError[] }> => {
  const reports: FromLine<Report>[] = [];
  const figures: FromLine<Figure>[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    if (row.kind === 'report') {
      const result = await asRowError(row.line, reportFrom(row, context));
      if ('error' in result) errors.push(result.error);
      else reports.push({ line: row.line, record: result.value });
    } else {
      const result = await asRowError(row.line, figureFrom(row, context));
      if ('error' in result) errors.push(result.error);
      else figures.push({ line: row.line, record: result.value });
    }
  }
  return { valid: { reports, figures }, errors };
};
