/**
 * What the cold-load sections measure (`coldstart` in CPU time, `coldcount` in instructions): every
 * function of the synthesized stack with its environment from the template, and the SDK-only
 * baseline bundled as the functions are, but without a source map.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleFunction } from '../lib/lambda-bundling.ts';
import { type SynthesizedFunction, synthesize, synthesizedFunctions } from './synthesized-functions.ts';
import { REGION } from './template-values.ts';

/** The variables Lambda's Node runtime sets before it imports the handler; credentials are stand-ins (nothing is called). */
export const runtimeEnvironment = (name: string, memorySize: number, taskRoot: string): Record<string, string> => ({
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

/** A module to load, and the environment its process gets. */
export interface Loadable {
  readonly module: string;
  readonly environment: Readonly<Record<string, string>>;
}

/** The SDK-only baseline, bundled as every function is, without a source map. */
const bundleBaseline = async (directory: string): Promise<string> => {
  await bundleFunction('bench/baseline/sdk-only-handler.ts', directory, { sourcemap: false, logLevel: 'error' });
  return join(directory, 'index.mjs');
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

/** The target: every function within 1.10× of the baseline's load. */
export const LOAD_TARGET_RATIO = 1.1;

/**
 * BENCH_NODE_OPTIONS=--enable-source-maps loads every function as if the template set it: what the
 * flag would cost (docs/cold-start.md). Unset, the functions get what the template gives them.
 */
export const extraNodeOptions = process.env.BENCH_NODE_OPTIONS;

/** A function of the stack, ready to load as Lambda would. */
export interface ColdLoadSubject extends Loadable {
  readonly id: string;
  readonly assetFiles: readonly string[];
}

/** Synthesizes the stack into a temporary directory, hands over the functions asked for and the baseline, and removes it after. */
export const withColdLoadSubjects = async <T>(
  measure: (subjects: {
    readonly functions: readonly ColdLoadSubject[];
    readonly baseline: Loadable;
    readonly workDirectory: string;
  }) => Promise<T>,
): Promise<T> => {
  const workDirectory = mkdtempSync(join(tmpdir(), 'sanctions-watch-coldstart-'));
  try {
    const assembly = join(workDirectory, 'cdk.out');
    synthesize(assembly);
    const functions = selected(synthesizedFunctions(assembly)).map((fn): ColdLoadSubject => {
      const environment = { ...runtimeEnvironment(fn.id, fn.memorySize, dirname(fn.module)), ...fn.environment };
      if (extraNodeOptions) environment.NODE_OPTIONS = `${environment.NODE_OPTIONS ?? ''} ${extraNodeOptions}`.trim();
      return { id: fn.id, module: fn.module, environment, assetFiles: fn.assetFiles };
    });
    const baselineModule = await bundleBaseline(join(workDirectory, 'sdk-only-baseline'));
    const baseline: Loadable = {
      module: baselineModule,
      environment: runtimeEnvironment('sdk-only-baseline', 256, dirname(baselineModule)),
    };
    return await measure({ functions, baseline, workDirectory });
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
};
