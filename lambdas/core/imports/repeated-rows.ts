import { DomainError } from '../errors.ts';
import { findFigureSubject } from '../status/state-directory.ts';
import type { TextRow } from './import-text.ts';
import type { RowError } from './row-error.ts';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const subjectOf = (raw: unknown): string | undefined => {
  try {
    return typeof raw === 'string' ? findFigureSubject(raw, 'state') : undefined;
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
};

/** What a row states, by its key columns as written (the state resolved, so RU and RUS are one): undefined if they are missing. */
const factOf = ({
  fields,
}: TextRow): { readonly key: string; readonly field: string; readonly what: string } | undefined => {
  const state = subjectOf(fields.state);
  if (state === undefined) return undefined;
  if (fields.kind === 'report') {
    const [obligationId, reportDate] = [text(fields.obligationId), text(fields.reportDate)];
    if (obligationId === undefined || reportDate === undefined) return undefined;
    return {
      key: `report|${state}|${obligationId}|${reportDate}`,
      field: 'reportDate',
      what: `${state}'s report on ${obligationId} dated ${reportDate}`,
    };
  }
  const [metric, asOf] = [text(fields.metric), text(fields.asOf)];
  if (fields.kind !== 'figure' || metric === undefined || asOf === undefined) return undefined;
  return { key: `figure|${state}|${metric}|${asOf}`, field: 'asOf', what: `${state}'s ${metric} as of ${asOf}` };
};

/**
 * A file states each fact once: a report (state, obligation, date) or a figure (state, metric,
 * as-of day) given again is an error on its later line, whatever else is wrong with either line.
 * All rows of one import are recorded at the same instant, so two figures of one day could not
 * even be told apart in the history.
 */
export const repeatedRows = (rows: readonly TextRow[]): RowError[] => {
  const firstLine = new Map<string, number>();
  const errors: RowError[] = [];
  for (const row of rows) {
    const fact = factOf(row);
    if (!fact) continue;
    const first = firstLine.get(fact.key);
    if (first === undefined) firstLine.set(fact.key, row.line);
    else errors.push({ row: row.line, field: fact.field, message: `repeats line ${first}: ${fact.what}` });
  }
  return errors;
};
