import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOAD_TARGET_RATIO, type Loadable, runtimeEnvironment, withColdLoadSubjects } from './cold-load-subjects.ts';
import type { BenchRow } from './results-table.ts';

/** Imports the handler module and checks that it exports a handler; valgrind counts the whole process. */
const probe = `
const loaded = await import(process.argv[2]);
if (typeof loaded.handler !== 'function') throw new Error('the module exports no handler');
`;

const NO_VALGRIND =
  'coldcount needs valgrind on the PATH (Debian: apt-get install valgrind); `npm run bench -- coldstart` measures the same loads in CPU time without it';

/**
 * Instructions a fresh process of this Node runs to import the module, counted by valgrind's
 * cachegrind. `--predictable` keeps V8 on one thread, so the count repeats to within 0.01%.
 */
const instructions = (probeFile: string, { module, environment }: Loadable): number => {
  const result = spawnSync(
    'valgrind',
    [
      '--tool=cachegrind',
      '--cache-sim=no',
      '--cachegrind-out-file=/dev/null',
      process.execPath,
      '--predictable',
      probeFile,
      pathToFileURL(module).href,
    ],
    { env: environment, encoding: 'utf8' },
  );
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? NO_VALGRIND : `valgrind could not be started for ${module}`, { cause: result.error });
  }
  const counted = /I\s+refs:\s+([\d,]+)/.exec(result.stderr)?.[1];
  if (result.status !== 0 || counted === undefined) {
    throw new Error(`counting the load of ${module} failed (exit ${result.status}): ${result.stderr.slice(-2000)}`);
  }
  return Number(counted.replaceAll(',', ''));
};

const millions = (count: number): string => `${(count / 1e6).toFixed(1)} M instructions`;

/**
 * `npm run bench -- coldcount`: each function's cold load in instructions against the SDK-only
 * baseline's, an empty module's import subtracted from both (docs/cold-start.md, decision 7). The
 * CPU-time section moves by a few hundredths between runs on a shared machine; this count does not,
 * so it is the one that shows a change of 1%. It runs only when named, and needs valgrind.
 */
export const countedColdLoadRows = (): Promise<BenchRow[]> =>
  withColdLoadSubjects(async ({ functions, baseline, workDirectory }) => {
    const probeFile = join(workDirectory, 'count-probe.mjs');
    writeFileSync(probeFile, probe);
    const emptyDirectory = join(workDirectory, 'empty-module');
    mkdirSync(emptyDirectory, { recursive: true });
    const empty: Loadable = {
      module: join(emptyDirectory, 'index.mjs'),
      environment: runtimeEnvironment('empty-module', 256, emptyDirectory),
    };
    writeFileSync(empty.module, 'export const handler = async () => undefined;\n');
    const start = instructions(probeFile, empty);
    const baselineImport = instructions(probeFile, baseline) - start;
    return functions.map((fn): BenchRow => {
      const ratio = (instructions(probeFile, fn) - start) / baselineImport;
      return {
        what: `${fn.id}: cold load, counted`,
        value: `${ratio.toFixed(3)}x: ${millions(ratio * baselineImport)}`,
        target: `<= ${LOAD_TARGET_RATIO.toFixed(2)}x`,
        baseline: `${millions(baselineImport)} (a process that imports an empty module, ${millions(start)}, taken off both)`,
        meetsTarget: ratio <= LOAD_TARGET_RATIO,
      };
    });
  });
