import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { esbuildOptions, projectRoot } from '../lib/lambda-bundling.ts';
import { kilobytes, median, milliseconds, type BenchRow } from './results-table.ts';

const outDirectory = resolve(projectRoot, 'bench', 'out');
const COLD_LOADS = 20;
const ZIPPED_TARGET_BYTES = 200 * 1024;
const LOAD_TARGET_MS = 90;
const LOAD_TARGET_RATIO = 1.15;

/**
 * A baseline function that only creates the AWS SDK client these handlers use (the DynamoDB
 * document client): what loading costs with none of our code.
 */
const sdkOnlyBaseline = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;

const bundle = async (name: string, entry: { path: string } | { contents: string }): Promise<string> => {
  const outfile = join(outDirectory, name, 'index.mjs');
  await build({
    ...esbuildOptions,
    ...('path' in entry
      ? { entryPoints: [resolve(projectRoot, entry.path)] }
      : { stdin: { contents: entry.contents, resolveDir: projectRoot, loader: 'ts' } }),
    outfile,
    logLevel: 'error',
  });
  return outfile;
};

/** What Lambda receives: the bundle and its map, deflated as in the asset zip (plus per-entry headers). */
const zippedSize = (outfile: string): number =>
  [outfile, `${outfile}.map`].reduce((sum, file) => sum + deflateRawSync(readFileSync(file), { level: 9 }).length + 100, 22);

/**
 * Time to import the bundle in a fresh Node process (this project's Node 24, as Lambda runs), the
 * median of COLD_LOADS processes. Only the module's own load and init is timed, not Node's start.
 */
const coldLoadMs = (outfile: string): number => {
  const probe = join(outDirectory, 'load-probe.mjs');
  writeFileSync(probe, 'const t = performance.now(); await import(process.argv[2]); console.log(performance.now() - t);\n');
  const env = { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'eu-west-1', POWERTOOLS_LOG_LEVEL: 'SILENT' };
  const samples = Array.from({ length: COLD_LOADS }, () =>
    Number(execFileSync(process.execPath, [probe, pathToFileURL(outfile).href], { env, encoding: 'utf8' }).trim()),
  );
  return median(samples);
};

/** Rows: each function's bundle size (minified, zipped) and cold-load time beside the SDK-only baseline. */
export const lambdaBundleRows = async (functions: readonly { readonly id: string; readonly entry: string }[]): Promise<BenchRow[]> => {
  mkdirSync(outDirectory, { recursive: true });
  const baselineFile = await bundle('sdk-only-baseline', { contents: sdkOnlyBaseline });
  const baselineLoad = coldLoadMs(baselineFile);
  const baselineZipped = zippedSize(baselineFile);
  const rows: BenchRow[] = [
    { what: 'sdk-only baseline: cold load (median of 20)', value: milliseconds(baselineLoad), target: '', baseline: '' },
  ];
  for (const fn of functions) {
    const outfile = await bundle(fn.id, { path: fn.entry });
    const minified = readFileSync(outfile).length;
    const zipped = zippedSize(outfile);
    const load = coldLoadMs(outfile);
    const loadTarget = Math.min(LOAD_TARGET_MS, baselineLoad * LOAD_TARGET_RATIO);
    rows.push(
      { what: `${fn.id}: bundle minified`, value: kilobytes(minified), target: '', baseline: '' },
      {
        what: `${fn.id}: bundle zipped (with map)`,
        value: kilobytes(zipped),
        target: `<= ${kilobytes(ZIPPED_TARGET_BYTES)}`,
        baseline: kilobytes(baselineZipped),
        meetsTarget: zipped <= ZIPPED_TARGET_BYTES,
      },
      {
        what: `${fn.id}: cold load (median of ${COLD_LOADS})`,
        value: `${milliseconds(load)} (${(load / baselineLoad).toFixed(2)}x)`,
        target: `<= ${LOAD_TARGET_MS} ms and <= ${LOAD_TARGET_RATIO}x`,
        baseline: milliseconds(baselineLoad),
        meetsTarget: load <= loadTarget,
      },
    );
  }
  return rows;
};
