/** Where a long command tells how far it got: stderr, so stdout keeps only the result. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface Progress {
  /** `done` of `total` rows are through. */
  advance(done: number, total: number): void;
  /** A line of its own (a row error, a warning), above the bar. */
  note(line: string): void;
  finish(): void;
}

const BAR_WIDTH = 30;

const counted = (done: number, total: number) =>
  `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} rows`;

/**
 * A bar redrawn in place on a terminal (`[#######-------]  45% 4,500/10,000 rows`); on anything
 * else (a pipe, a log file, CI) one plain line per step, since carriage returns would garble it.
 */
export const progressOn = (output: ProgressOutput): Progress => {
  let drawn = false;
  return {
    advance: (done, total) => {
      const share = total === 0 ? 1 : done / total;
      if (!output.isTTY) {
        output.write(`imported ${counted(done, total)}\n`);
        return;
      }
      const filled = Math.round(share * BAR_WIDTH);
      output.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${counted(done, total)}`,
      );
      drawn = true;
    },
    note: (line) => {
      output.write(`${drawn ? '\n' : ''}${line}\n`);
      drawn = false;
    },
    finish: () => {
      if (drawn) output.write('\n');
      drawn = false;
    },
  };
};
