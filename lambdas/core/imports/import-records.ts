import { invalidInput } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ImportStore } from '../ports/import-store.ts';
import type { CustomGroupStore, MetricCatalogue, ObligationCatalogue } from '../ports/stores.ts';
import { groupMembership } from '../reference/group-membership.ts';
import { utcDateOf } from '../time/calendar-date.ts';
import { type ImportRow, readImportRow } from './import-row.ts';
import { type ImportFormat, readImportText } from './import-text.ts';
import { planImport } from './plan-import.ts';
import { repeatedRows } from './repeated-rows.ts';
import { byRow, type RowError } from './row-error.ts';
import { validateRows } from './validate-rows.ts';

/** Rows one request may carry: 20,000 short rows stay within the 4 MB body limit and one Lambda invocation's time. */
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportDependencies {
  readonly clock: Clock;
  readonly obligations: ObligationCatalogue;
  readonly metrics: MetricCatalogue;
  readonly customGroups: CustomGroupStore;
  readonly importStore: ImportStore;
}

export interface ImportSummary {
  readonly dryRun: boolean;
  /** The instant every written report and figure carries as `recordedAt`. */
  readonly recordedAt: string;
  readonly rows: number;
  /** What was written, or with `dryRun` what would be. */
  readonly written: { readonly reports: number; readonly figures: number; readonly latestFigures: number };
  /** Rows whose report or figure was recorded already, exactly as the file gives it. */
  readonly unchanged: number;
  /** Reports someone recorded between this import's read and its write: left as they were. */
  readonly skipped: readonly { readonly row: number; readonly message: string }[];
}

export type ImportOutcome =
  | { readonly kind: 'imported'; readonly summary: ImportSummary }
  /** Nothing was written: every error of every row, in file order. */
  | { readonly kind: 'rejected'; readonly rows: number; readonly errors: readonly RowError[] };

const rejected = (rows: number, errors: readonly RowError[]): ImportOutcome => ({
  kind: 'rejected',
  rows,
  errors: [...errors].sort(byRow),
});

/**
 * `POST /imports`: reports and figures from a CSV or JSON lines file, all or nothing. Every row is
 * checked (its columns, the single-record API's rules, repeats within the file, contradictions of
 * what is recorded) before anything is written; one bad row rejects the file. What is recorded
 * already is left alone, so the same file imported twice changes nothing the second time.
 * Alerts follow from the writes, through change detection, as for any other recording.
 */
export const importRecords = async (
  request: { readonly text: string; readonly format: ImportFormat; readonly dryRun: boolean },
  deps: ImportDependencies,
): Promise<ImportOutcome> => {
  const file = readImportText(request.text, request.format);
  if (file.errors.length === 0 && file.rows.length === 0)
    throw invalidInput('body', 'The file has no rows', 'empty-import');
  if (file.rows.length > MAX_IMPORT_ROWS) {
    throw invalidInput(
      'body',
      `The file has ${file.rows.length} rows; one import takes at most ${MAX_IMPORT_ROWS}: split it`,
      'too-many-rows',
    );
  }
  const errors: RowError[] = [...file.errors, ...repeatedRows(file.rows)];
  const rows: ImportRow[] = [];
  for (const textRow of file.rows) {
    const reading = readImportRow(textRow, request.format);
    if (reading.row) rows.push(reading.row);
    else errors.push(...reading.errors);
  }

  const now = deps.clock.now();
  const [obligations, metrics, customGroups] = await Promise.all([
    deps.obligations.list(),
    deps.metrics.list(),
    deps.customGroups.list(),
  ]);
  const { valid, errors: ruleErrors } = await validateRows(rows, {
    obligations: new Map(obligations.map((obligation) => [obligation.id, obligation])),
    metrics: new Map(metrics.map((metric) => [metric.id, metric])),
    groupsOf: groupMembership(customGroups),
    today: utcDateOf(now),
    recordedAt: now.toISOString(),
  });
  errors.push(...ruleErrors);

  // Read even when some rows failed, so one answer names every row that needs fixing.
  const states = [...new Set([...valid.reports, ...valid.figures].map(({ record }) => record.state))];
  const { plan, errors: recordedErrors } = planImport(valid, await deps.importStore.recordedFor(states));
  errors.push(...recordedErrors);
  if (errors.length > 0) return rejected(file.rows.length, errors);

  const summary = {
    recordedAt: now.toISOString(),
    rows: file.rows.length,
    unchanged: plan.unchangedLines.length,
  };
  if (request.dryRun) {
    return {
      kind: 'imported',
      summary: {
        dryRun: true,
        ...summary,
        written: { reports: plan.reports.length, figures: plan.figures.length, latestFigures: plan.latest.length },
        skipped: [],
      },
    };
  }
  const outcome = await deps.importStore.write({
    reports: plan.reports.map(({ record }) => record),
    figures: plan.figures.map(({ record }) => record),
    latest: plan.latest,
  });
  const taken = new Set(outcome.reportsTaken);
  return {
    kind: 'imported',
    summary: {
      dryRun: false,
      ...summary,
      written: {
        reports: plan.reports.length - taken.size,
        figures: plan.figures.length,
        latestFigures: outcome.latestWritten,
      },
      skipped: plan.reports
        .filter(({ record }) => taken.has(record))
        .map(({ line, record }) => ({
          row: line,
          message: `${record.state}'s report on ${record.obligationId} dated ${record.reportDate} was recorded by someone else meanwhile; left as they recorded it`,
        })),
    },
  };
};
