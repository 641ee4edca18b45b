import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { FAILURE_QUEUE_URL_ENV, PUBLIC_API_URL_ENV, SNS_NOTIFIER_ENV } from '../lambdas/contracts/environment.ts';
import { esbuildOptions, projectRoot, sourceMapRuntimeEnvironment } from '../lib/lambda-bundling.ts';
import { type BenchRow, kilobytes, median, milliseconds } from './results-table.ts';

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

/** Size of files once deflated as in a zip archive (plus the archive's per-entry headers). */
const zippedSize = (files: readonly string[]): number =>
  files.reduce((sum, file) => sum + deflateRawSync(readFileSync(file), { level: 9 }).length + 100, 22);

/**
 * What the stack sets for the functions that send or link to watches (lib/constructs/notifications.ts,
 * lib/sanctions-watch-stack.ts), with stand-in values: they build their notifier and failure sink
 * at load, and fail to load without them. Set for every function; those that do not read them pay nothing.
 */
const deliveryEnvironment = {
  [SNS_NOTIFIER_ENV.kmsKeyId]: 'arn:aws:kms:eu-west-1:111122223333:key/00000000-0000-0000-0000-000000000000',
  [SNS_NOTIFIER_ENV.deadLetterQueueArn]: 'arn:aws:sqs:eu-west-1:111122223333:bench-notify-dlq',
  [SNS_NOTIFIER_ENV.topicPrefix]: 'bench-contact-',
  [FAILURE_QUEUE_URL_ENV]: 'https://sqs.eu-west-1.amazonaws.com/111122223333/bench-delivery-failures',
  [PUBLIC_API_URL_ENV]: 'https://api.example.org',
};

const probeFile = join(outDirectory, 'load-probe.mjs');
const loadOnce = (outfile: string): number => {
  // The environment the functions get in AWS, source-map support included: it costs load time too.
  const env = {
    ...process.env,
    ...sourceMapRuntimeEnvironment,
    ...deliveryEnvironment,
    TABLE_NAME: 'bench',
    AWS_REGION: 'eu-west-1',
    LOG_LEVEL: 'SILENT',
  };
  return Number(
    execFileSync(process.execPath, [probeFile, pathToFileURL(outfile).href], { env, encoding: 'utf8' }).trim(),
  );
};

/**
 * Time to import a bundle in a fresh Node process (this project's Node 24, as Lambda runs),
 * against the baseline: COLD_LOADS processes each, alternating, so that drift in the machine's
 * load hits both alike. Only the module's own load and init is timed, not Node's start.
 */
const coldLoads = (outfile: string, baselineFile: string): { readonly load: number; readonly baseline: number } => {
  writeFileSync(
    probeFile,
    'const t = performance.now(); await import(process.argv[2]); console.log(performance.now() - t);\n',
  );
  const load: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < COLD_LOADS; run++) {
    baseline.push(loadOnce(baselineFile));
    load.push(loadOnce(outfile));
  }
  return { load: median(load), baseline: median(baseline) };
};

/**
 * Rows: each function's bundle size (minified; zipped; the deployed asset with its source map)
 * and cold-load time, beside the SDK-only baseline.
 */
export const lambdaBundleRows = async (
  functions: readonly { readonly id: string; readonly entry: string }[],
): Promise<BenchRow[]> => {
  mkdirSync(outDirectory, { recursive: true });
  const baselineFile = await bundle('sdk-only-baseline', { contents: sdkOnlyBaseline });
  const baselineZipped = zippedSize([baselineFile]);
  const rows: BenchRow[] = [];
  for (const fn of functions) {
    const outfile = await bundle(fn.id, { path: fn.entry });
    const zipped = zippedSize([outfile]);
    const { load, baseline } = coldLoads(outfile, baselineFile);
    rows.push(
      { what: `${fn.id}: bundle minified`, value: kilobytes(readFileSync(outfile).length), target: '', baseline: '' },
      {
        what: `${fn.id}: bundle zipped`,
        value: kilobytes(zipped),
        target: `<= ${kilobytes(ZIPPED_TARGET_BYTES)}`,
        baseline: kilobytes(baselineZipped),
        meetsTarget: zipped <= ZIPPED_TARGET_BYTES,
      },
      {
        what: `${fn.id}: deployed asset zipped (bundle + source map)`,
        value: kilobytes(zippedSize([outfile, `${outfile}.map`])),
        target: '',
        baseline: '',
      },
      {
        what: `${fn.id}: cold load (median of ${COLD_LOADS})`,
        value: `${milliseconds(load)} (${(load / baseline).toFixed(2)}x)`,
        target: `<= ${LOAD_TARGET_MS} ms and <= ${LOAD_TARGET_RATIO}x`,
        baseline: milliseconds(baseline),
        meetsTarget: load <= LOAD_TARGET_MS && load <= baseline * LOAD_TARGET_RATIO,
      },
    );
  }
  return rows;
};
