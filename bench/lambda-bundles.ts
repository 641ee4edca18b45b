import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { loadedAtStart } from '../lib/sdk-vendor-module.ts';
import {
  type ColdLoadSubject,
  extraNodeOptions,
  LOAD_TARGET_RATIO,
  type Loadable,
  withColdLoadSubjects,
} from './cold-load-subjects.ts';
import { type BenchRow, kilobytes, median, medianInterval, milliseconds } from './results-table.ts';

/** Rounds of one baseline and one function load each; BENCH_COLD_ROUNDS sets another number. */
const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 21);
const ZIPPED_TARGET_BYTES = 200 * 1024;

/**
 * Times the handler module's import (its compile, load and module-scope init, not Node's start) in
 * CPU time of the whole process (all its threads) and in wall time, and reports both on fd 3.
 * Given a side module as well, imports the handler module untimed and times the side module's
 * import: what the first call that needs it adds.
 */
const probe = `
import { writeSync } from 'node:fs';
const [handlerModule, sideModule] = process.argv.slice(2);
if (sideModule !== undefined) await import(handlerModule);
const started = performance.now();
const cpuAtStart = process.cpuUsage();
const faultsAtStart = process.resourceUsage().minorPageFault;
const loaded = await import(sideModule ?? handlerModule);
const faults = process.resourceUsage().minorPageFault - faultsAtStart;
const cpu = process.cpuUsage(cpuAtStart);
const wall = performance.now() - started;
if (sideModule === undefined && typeof loaded.handler !== 'function') throw new Error('the module exports no handler');
writeSync(3, JSON.stringify({ cpu: (cpu.user + cpu.system) / 1000, wall, faults }));
`;

/** Milliseconds one load took, and the minor page faults it made (what CPU time counts and an instruction count does not). */
interface Load {
  readonly cpu: number;
  readonly wall: number;
  readonly faults: number;
}

/** One cold load: a fresh process of this Node (the project's Node 24, as the nodejs24.x runtime) that imports the module (and then, timed instead, a side module). */
const loadOnce = (probeFile: string, { module, environment }: Loadable, sideModule?: string): Load => {
  const modules = [module, ...(sideModule === undefined ? [] : [sideModule])];
  const result = spawnSync(process.execPath, [probeFile, ...modules.map((file) => pathToFileURL(file).href)], {
    env: environment,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const reported = result.output[3];
  if (result.status !== 0 || !reported) {
    throw new Error(`loading ${module} failed (exit ${result.status}): ${result.stderr}`);
  }
  return JSON.parse(reported) as Load;
};

/** Medians of the rounds' loads. */
interface ColdLoads {
  readonly load: Load;
  readonly baseline: Load;
  /**
   * Median of each round's load / baseline in CPU time. Lambda gives a function of up to 1,769 MB
   * at most one vCPU, so its init lasts as long as its CPU work; wall time on a shared machine also
   * counts the waits for a core, which made the ratio swing by ±0.4 between runs (CPU: ±0.03).
   */
  readonly ratio: number;
  /** Where the median ratio lies at 95%, from the same rounds: how far apart two runs may land. */
  readonly ratioInterval: readonly [number, number];
}

const loadText = (load: Load): string =>
  `${milliseconds(load.cpu)} CPU, ${milliseconds(load.wall)} wall, ${Math.round(load.faults)} page faults`;

const medianLoad = (loads: readonly Load[]): Load => ({
  cpu: median(loads.map((load) => load.cpu)),
  wall: median(loads.map((load) => load.wall)),
  faults: median(loads.map((load) => load.faults)),
});

/** ROUNDS rounds of a baseline and a function load, in alternating order, after one round to warm the file cache. */
const coldLoads = (probeFile: string, fn: Loadable, baseline: Loadable): ColdLoads => {
  loadOnce(probeFile, baseline);
  loadOnce(probeFile, fn);
  const loads: Load[] = [];
  const baselines: Load[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      baselines.push(loadOnce(probeFile, baseline));
      loads.push(loadOnce(probeFile, fn));
    } else {
      loads.push(loadOnce(probeFile, fn));
      baselines.push(loadOnce(probeFile, baseline));
    }
  }
  const ratios = loads.map((load, round) => load.cpu / (baselines[round]?.cpu ?? Number.NaN));
  return {
    load: medianLoad(loads),
    baseline: medianLoad(baselines),
    ratio: median(ratios),
    ratioInterval: medianInterval(ratios),
  };
};

/** Rounds of a side module's load on first use: not part of the ratio, so fewer. */
const FIRST_USE_ROUNDS = 7;

/**
 * What each side module (lib/side-modules.ts) of a function's asset adds to the first call that
 * needs it: its import in a fresh process after the function's own, median CPU time.
 */
const firstUseLoads = (probeFile: string, fn: ColdLoadSubject): string => {
  const loaded = loadedAtStart(dirname(fn.module));
  const sideModules = fn.assetFiles.filter((file) => file.endsWith('.mjs') && !loaded.includes(file));
  return sideModules
    .map((file) => {
      const loads = Array.from({ length: FIRST_USE_ROUNDS }, () => loadOnce(probeFile, fn, file));
      return `; ${basename(file)} on first use ${milliseconds(median(loads.map((load) => load.cpu)))} CPU`;
    })
    .join('');
};

/** Size of files once deflated as in a zip archive (plus the archive's per-entry headers). */
const zippedSize = (files: readonly string[]): number =>
  files.reduce((sum, file) => sum + deflateRawSync(readFileSync(file), { level: 9 }).length + 100, 22);

/**
 * `npm run bench -- coldstart`: synthesizes the stack as `cdk synth` does, then loads every
 * function's asset with its environment from the template (NODE_OPTIONS included, as deployed) in
 * fresh processes, against an SDK-only bundle built as they are but without a source map.
 */
export const coldStartRows = (): Promise<BenchRow[]> =>
  withColdLoadSubjects(async ({ functions, baseline, workDirectory }) => {
    const probeFile = join(workDirectory, 'probe.mjs');
    writeFileSync(probeFile, probe);
    const rows: BenchRow[] = [];
    let largest = { id: '', zipped: 0 };
    for (const fn of functions) {
      const loads = coldLoads(probeFile, fn, baseline);
      const zipped = zippedSize(loadedAtStart(dirname(fn.module)));
      if (zipped > largest.zipped) largest = { id: fn.id, zipped };
      rows.push({
        what: `${fn.id}: cold load, median of ${ROUNDS}${extraNodeOptions ? ` (NODE_OPTIONS ${extraNodeOptions})` : ''}`,
        value: `${loads.ratio.toFixed(2)}x (${loads.ratioInterval.map((end) => end.toFixed(2)).join('–')} at 95%): ${loadText(loads.load)}; bundle ${kilobytes(zipped)} zipped (asset ${kilobytes(zippedSize(fn.assetFiles))})${firstUseLoads(probeFile, fn)}`,
        target: `<= ${LOAD_TARGET_RATIO.toFixed(2)}x`,
        baseline: loadText(loads.baseline),
        meetsTarget: loads.ratio <= LOAD_TARGET_RATIO,
      });
    }
    const baselineFiles = loadedAtStart(dirname(baseline.module));
    rows.push(
      {
        what: 'SDK-only baseline (DynamoDB document client + SNS client)',
        value: `${kilobytes(baselineFiles.reduce((sum, file) => sum + statSync(file).size, 0))}, ${kilobytes(zippedSize(baselineFiles))} zipped`,
        target: '',
        baseline: '',
      },
      {
        what: `largest bundle zipped (${largest.id})`,
        value: kilobytes(largest.zipped),
        target: `<= ${kilobytes(ZIPPED_TARGET_BYTES)}`,
        baseline: '',
        meetsTarget: largest.zipped <= ZIPPED_TARGET_BYTES,
      },
    );
    return rows;
  });
