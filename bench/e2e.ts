import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_DAILY_CAPS } from '../lambdas/adapters/delivery-settings.ts';
import type { DailyCaps } from '../lambdas/core/ports/stores.ts';
import { projectRoot } from '../lib/lambda-bundling.ts';
import { type LocalRuntime, startLocalRuntime } from '../local/runtime.ts';
import { checkerRows } from './e2e-checker.ts';
import { FIGURE_WRITES, figureToOutboxRows } from './e2e-figure.ts';
import { loadRows } from './e2e-load.ts';
import type { BenchRow } from './results-table.ts';

/** Above the default 50 emails per contact per day, which the one watched address would reach before FIGURE_WRITES alerts. */
const EMAIL_DAILY_CAP = FIGURE_WRITES + 10;

/**
 * The e2e section in two parts, each on a runtime of its own, in a process of its own:
 * - pipeline: no grouping window, so a figure write's alert goes out as soon as the stream is
 *   read; then load on the API;
 * - checker: the stack's grouping window, which takes the check's whole run into one dispatch.
 */
const parts: Record<
  'pipeline' | 'checker',
  {
    readonly groupingWindowMs?: number;
    readonly dailyCaps: DailyCaps;
    readonly rows: (runtime: LocalRuntime) => Promise<BenchRow[]>;
  }
> = {
  pipeline: {
    groupingWindowMs: 0,
    dailyCaps: { ...DEFAULT_DAILY_CAPS, email: EMAIL_DAILY_CAP },
    rows: async (runtime) => [...(await figureToOutboxRows(runtime, EMAIL_DAILY_CAP)), ...(await loadRows(runtime))],
  },
  // The stack's grouping window; the checker rows close it once the check has stored its events.
  checker: { dailyCaps: DEFAULT_DAILY_CAPS, rows: checkerRows },
};

export type E2ePart = keyof typeof parts;

export const isE2ePart = (name: string | undefined): name is E2ePart => name !== undefined && name in parts;

/** One part's rows, on a local runtime started for it and stopped after. */
export const e2eRows = async (part: E2ePart): Promise<BenchRow[]> => {
  // The signing key and the outbox (the checker's grows to megabytes), removed after.
  const directory = await mkdtemp(join(tmpdir(), 'sanctions-watch-bench-e2e-'));
  let runtime: LocalRuntime | undefined;
  try {
    const { groupingWindowMs, dailyCaps, rows } = parts[part];
    runtime = await startLocalRuntime({
      projectRoot,
      port: 0,
      identityDirectory: directory,
      outboxFile: join(directory, 'outbox.jsonl'),
      dailyCaps,
      ...(groupingWindowMs === undefined ? {} : { groupingWindowMs }),
    });
    return await rows(runtime);
  } finally {
    await runtime?.stop();
    await rm(directory, { recursive: true, force: true });
  }
};

/** Before the rows' JSON on e2e-process.ts's output. */
export const E2E_ROWS_MARKER = 'E2E_ROWS ';

const rowsInOwnProcess = async (part: E2ePart): Promise<BenchRow[]> => {
  const { stdout } = await promisify(execFile)(process.execPath, [join(projectRoot, 'bench', 'e2e-process.ts'), part], {
    cwd: projectRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = stdout.split('\n').find((text) => text.startsWith(E2E_ROWS_MARKER));
  if (line === undefined) throw new Error(`the e2e ${part} process printed no rows:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice(E2E_ROWS_MARKER.length)) as BenchRow[];
};

/** Both parts, one after the other, each in a child process of its own. */
export const e2eRowsInOwnProcess = async (): Promise<BenchRow[]> => [
  ...(await rowsInOwnProcess('pipeline')),
  ...(await rowsInOwnProcess('checker')),
];
