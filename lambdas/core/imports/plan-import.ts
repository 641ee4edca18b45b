import type { Figure } from '../figures/figure.ts';
import type { Report } from '../reports/report.ts';
import type { RowError } from './row-error.ts';
import type { FromLine, ValidRows } from './validate-rows.ts';

/** What the table holds for the states an import touches. */
export interface RecordedFacts {
  readonly reports: readonly Report[];
  /** Every figure in their histories. */
  readonly figures: readonly Figure[];
  /** Their latest figure of each metric. */
  readonly latest: readonly Figure[];
}

/** What an import writes, and the lines it leaves because the table holds them already. */
export interface ImportPlan {
  readonly reports: readonly FromLine<Report>[];
  /** New history entries. */
  readonly figures: readonly FromLine<Figure>[];
  /** Per state and metric, the file's newest figure, where the stored latest is older (or, for a new figure, as old). */
  readonly latest: readonly Figure[];
  readonly unchangedLines: readonly number[];
}

/** What a report says, beyond its key and when it was recorded. */
const reportContent = ['receivedOn', 'publishedOn', 'public', 'symbol', 'url', 'note'] as const;

const sameFigure = (a: Figure, b: Figure): boolean =>
  ('value' in a ? 'value' in b && a.value === b.value : 'low' in b && a.low === b.low && a.high === b.high) &&
  a.unit === b.unit &&
  a.source.kind === b.source.kind &&
  a.source.ref === b.source.ref &&
  a.source.url === b.source.url &&
  a.note === b.note;

const reportKey = (report: Pick<Report, 'state' | 'obligationId' | 'reportDate'>) =>
  `${report.state}|${report.obligationId}|${report.reportDate}`;
const figureDayKey = (figure: Pick<Figure, 'state' | 'metric' | 'asOf'>) =>
  `${figure.state}|${figure.metric}|${figure.asOf}`;
const metricKey = (figure: Pick<Figure, 'state' | 'metric'>) => `${figure.state}|${figure.metric}`;

/**
 * Sets the rows against what is recorded, so that importing a file twice changes nothing:
 * - a report whose key is recorded is unchanged if it says the same, and an error if it says
 *   otherwise (an import never rewrites a report);
 * - a figure equal to one recorded for its state, metric and day is unchanged; any other is a
 *   new history entry (a correction, as `PUT …/figures/{metric}` would record it);
 * - per state and metric, the file's newest figure becomes the latest unless one as new or newer
 *   is stored: the import moves each latest figure once, so it raises one `figure.changed` per
 *   state and metric, from the stored latest (or the newest older figure) to the newest.
 */
export const planImport = (
  valid: ValidRows,
  recorded: RecordedFacts,
): { readonly plan: ImportPlan; readonly errors: readonly RowError[] } => {
  const storedReports = new Map(recorded.reports.map((report) => [reportKey(report), report]));
  const storedFigures = Map.groupBy(recorded.figures, figureDayKey);
  const storedLatest = new Map(recorded.latest.map((figure) => [metricKey(figure), figure]));
  const errors: RowError[] = [];
  const unchangedLines: number[] = [];

  const reports = valid.reports.filter(({ line, record }) => {
    const stored = storedReports.get(reportKey(record));
    if (!stored) return true;
    const differing = reportContent.filter((field) => stored[field] !== record[field]);
    if (differing.length === 0) unchangedLines.push(line);
    else {
      errors.push({
        row: line,
        field: differing[0] ?? 'reportDate',
        message: `${record.state}'s report on ${record.obligationId} dated ${record.reportDate} is recorded with a different ${differing.join(', ')}; an import does not change a recorded report`,
      });
    }
    return false;
  });

  // Each figure row as it stands in the history: the recorded figure if it is there already.
  const figures: FromLine<Figure>[] = [];
  const inHistory = valid.figures.map(({ line, record }) => {
    const stored = (storedFigures.get(figureDayKey(record)) ?? []).find((figure) => sameFigure(figure, record));
    if (stored) unchangedLines.push(line);
    else figures.push({ line, record });
    return { figure: stored ?? record, isNew: stored === undefined };
  });

  const newest = new Map<string, (typeof inHistory)[number]>();
  for (const entry of inHistory) {
    const best = newest.get(metricKey(entry.figure));
    if (!best || best.figure.asOf < entry.figure.asOf) newest.set(metricKey(entry.figure), entry);
  }
  // A recorded figure is made the latest again only if the latest is older: a write that stopped
  // before its latest items is completed by importing the file again, and nothing else changes.
  const latest = [...newest.values()]
    .filter(({ figure, isNew }) => {
      const stored = storedLatest.get(metricKey(figure));
      return !stored || stored.asOf < figure.asOf || (isNew && stored.asOf === figure.asOf);
    })
    .map(({ figure }) => figure);
  return { plan: { reports, figures, latest, unchangedLines }, errors };
};
