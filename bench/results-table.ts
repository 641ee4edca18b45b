/** One measured quantity: what it is, what we got, what we aim for, and what it compares to. */
export interface BenchRow {
  readonly what: string;
  readonly value: string;
  readonly target: string;
  readonly baseline: string;
  /** Whether the value meets its target; undefined where there is no target. */
  readonly meetsTarget?: boolean;
}

const columns = ['what', 'value', 'target', 'baseline', 'ok'] as const;

/** Renders rows as a Markdown table, so the output can be pasted into the README as it is. */
export const renderTable = (rows: readonly BenchRow[]): string => {
  const cells = rows.map((row) => [
    row.what,
    row.value,
    row.target,
    row.baseline,
    row.meetsTarget === undefined ? '' : row.meetsTarget ? 'yes' : 'NO',
  ]);
  const widths = columns.map((title, index) =>
    Math.max(title.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const line = (values: readonly string[]) =>
    `| ${values.map((value, index) => value.padEnd(widths[index] ?? 0)).join(' | ')} |`;
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
};

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2 : (sorted[middle] ?? 0);
};

/**
 * Where the median of what `values` sample lies, at `confidence`, whatever their distribution: the
 * order statistics whose ranks a Binomial(n, ½) count of samples below the median reaches with
 * probability (1 − confidence) / 2 at each end. For 21 samples at 95% that is the 6th and 16th.
 */
export const medianInterval = (values: readonly number[], confidence = 0.95): readonly [number, number] => {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const tail = (1 - confidence) / 2;
  // r: the largest count with P(Binomial(n, ½) ≤ r) ≤ tail, so the interval runs from the sample
  // of rank r (from 0) to its mirror; -1 when too few samples, and then it is their whole range.
  let r = -1;
  let probability = 0.5 ** n;
  let atMost = 0;
  while (r + 1 < n / 2 && atMost + probability <= tail) {
    atMost += probability;
    r++;
    probability *= (n - r) / (r + 1);
  }
  const low = Math.max(r, 0);
  return [sorted[low] ?? Number.NaN, sorted[n - 1 - low] ?? Number.NaN];
};

export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const milliseconds = (ms: number): string => `${ms.toFixed(1)} ms`;

/** Nearest-rank percentile (p in 0..100) of the values. */
export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
};

/** Thousands separated, as the table shows counts. */
export const count = (value: number): string => value.toLocaleString('en-US');
