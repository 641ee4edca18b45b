import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildOptions, projectRoot } from '../lib/lambda-bundling.ts';
import { type BenchRow, kilobytes, median, medianInterval, milliseconds } from './results-table.ts';
import { type SynthesizedFunction, synthesize, synthesizedFunctions } from './synthesized-functions.ts';
import { REGION } from './template-values.ts';

/** Rounds of one baseline and one function load each; BENCH_COLD_ROUNDS sets another number. */
const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 21);
/**
 * BENCH_NODE_OPTIONS=--enable-source-maps loads every function as if the template set it: what the
 * flag would cost (docs/cold-start.md). Unset, the functions get what the template gives them.
 */
const extraNodeOptions = process.env.BENCH_NODE_OPTIONS;
const LOAD_TARGET_RATIO = 1.1;
const ZIPPED_TARGET_BYTES = 200 * 1024;

/**
 * What any function here loads at the least: the two SDK clients the handlers use (the DynamoDB
 * document client and SNS), created as a handler module creates them, and nothing of ours.
 */
const sdkOnlyBaseline = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const sns = new SNSClient({});
export const handler = async () => undefined;
`;

/**
 * Times the handler module's import (its compile, load and module-scope init, not Node's start) in
 * CPU time of the whole process (all its threads) and in wall time, and reports both on fd 3.
 */
const probe = `
import { writeSync } from 'node:fs';
const started = performance.now();
const cpuAtStart = process.cpuUsage();
const faultsAtStart = process.resourceUsage().minorPageFault;
const loaded = await import(process.argv[2]);
const faults = process.resourceUsage().minorPageFault - faultsAtStart;
const cpu = process.cpuUsage(cpuAtStart);
const wall = performance.now() - started;
if (typeof loaded.handler !== 'function') throw new Error('the module exports no handler');
writeSync(3, JSON.stringify({ cpu: (cpu.user + cpu.system) / 1000, wall, faults }));
`;

/** The variables Lambda's Node runtime sets before it imports the handler; credentials are stand-ins (nothing is called). */
const runtimeEnvironment = (name: string, memorySize: number, taskRoot: string): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  LANG: 'en_US.UTF-8',
  TZ: ':UTC',
  AWS_REGION: REGION,
  AWS_DEFAULT_REGION: REGION,
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  AWS_LAMBDA_FUNCTION_NAME: name,
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memorySize),
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  LAMBDA_TASK_ROOT: taskRoot,
  _HANDLER: 'index.handler',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'bench',
});

interface Loadable {
  readonly module: string;
  readonly environment: Readonly<Record<string, string>>;
}

/** Milliseconds one load took, and the minor page faults it made (what CPU time counts and an instruction count does not). */
interface Load {
  readonly cpu: number;
  readonly wall: number;
  readonly faults: number;
}

/** One cold load: a fresh process of this Node (the project's Node 24, as the nodejs24.x runtime) that imports the module. */
const loadOnce = (probeFile: string, { module, environment }: Loadable): Load => {
  const result = spawnSync(process.execPath, [probeFile, pathToFileURL(module).href], {
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

/** Size of files once deflated as in a zip archive (plus the archive's per-entry headers). */
const zippedSize = (files: readonly string[]): number =>
  files.reduce((sum, file) => sum + deflateRawSync(readFileSync(file), { level: 9 }).length + 100, 22);

const bundleBaseline = async (directory: string): Promise<string> => {
  const outfile = join(directory, 'index.mjs');
  await build({
    ...esbuildOptions,
    sourcemap: false,
    stdin: { contents: sdkOnlyBaseline, resolveDir: projectRoot, loader: 'ts' },
    outfile,
    logLevel: 'error',
  });
  return outfile;
};

/** BENCH_FUNCTIONS=RouteFunctions/get-board,DeadlineCheck/Handler measures only those; all by default. */
const selected = (functions: readonly SynthesizedFunction[]): readonly SynthesizedFunction[] => {
  const wanted = process.env.BENCH_FUNCTIONS?.split(',').filter((id) => id !== '');
  if (wanted === undefined || wanted.length === 0) return functions;
  const unknown = wanted.filter((id) => !functions.some((fn) => fn.id === id));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_FUNCTIONS names no function ${unknown.join(', ')}; there are ${functions.map((fn) => fn.id).join(', ')}`,
    );
  }
  return functions.filter((fn) => wanted.includes(fn.id));
};

/**
 * `npm run bench -- coldstart`: synthesizes the stack as `cdk synth` does, then loads every
 * function's asset with its environment from the template (NODE_OPTIONS included, as deployed) in
 * fresh processes, against an SDK-only bundle built with the same options but no source map.
 */
export const coldStartRows = async (): Promise<BenchRow[]> => {
  const workDirectory = mkdtempSync(join(tmpdir(), 'sanctions-watch-coldstart-'));
  try {
    const assembly = join(workDirectory, 'cdk.out');
    synthesize(assembly);
    const functions = selected(synthesizedFunctions(assembly));
    const probeFile = join(workDirectory, 'probe.mjs');
    writeFileSync(probeFile, probe);
    const baselineModule = await bundleBaseline(join(workDirectory, 'sdk-only-baseline'));
    const baseline: Loadable = {
      module: baselineModule,
      environment: runtimeEnvironment('sdk-only-baseline', 256, dirname(baselineModule)),
    };
    const rows: BenchRow[] = [];
    let largest = { id: '', zipped: 0 };
    for (const fn of functions) {
      const environment = { ...runtimeEnvironment(fn.id, fn.memorySize, dirname(fn.module)), ...fn.environment };
      if (extraNodeOptions) environment.NODE_OPTIONS = `${environment.NODE_OPTIONS ?? ''} ${extraNodeOptions}`.trim();
      const loads = coldLoads(probeFile, { module: fn.module, environment }, baseline);
      const zipped = zippedSize([fn.module]);
      if (zipped > largest.zipped) largest = { id: fn.id, zipped };
      rows.push({
        what: `${fn.id}: cold load, median of ${ROUNDS}${extraNodeOptions ? ` (NODE_OPTIONS ${extraNodeOptions})` : ''}`,
        value: `${loads.ratio.toFixed(2)}x (${loads.ratioInterval.map((end) => end.toFixed(2)).join('–')} at 95%): ${loadText(loads.load)}; bundle ${kilobytes(zipped)} zipped (asset ${kilobytes(zippedSize(fn.assetFiles))})`,
        target: `<= ${LOAD_TARGET_RATIO.toFixed(2)}x`,
        baseline: loadText(loads.baseline),
        meetsTarget: loads.ratio <= LOAD_TARGET_RATIO,
      });
    }
    rows.push(
      {
        what: 'SDK-only baseline (DynamoDB document client + SNS client)',
        value: `${kilobytes(readFileSync(baselineModule).length)}, ${kilobytes(zippedSize([baselineModule]))} zipped`,
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
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
};
