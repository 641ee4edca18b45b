import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { EmfMetrics } from '../lambdas/adapters/emf-metrics.ts';
import { projectRoot } from '../lib/lambda-bundling.ts';
import { type BenchRow, kilobytes, median } from './results-table.ts';

/** A sender's batch: ten jobs, each counted and timed, as send-job.ts records them. */
const JOBS_PER_INVOCATION = 10;
const ROUNDS = 2000;

/** Minified bundle size of a module that imports the given project files, in bytes. */
const bundledBytes = async (imports: readonly string[]): Promise<number> => {
  const { outputFiles } = await build({
    stdin: {
      contents: imports
        .map((file, index) => `import * as m${index} from './${file}'; console.log(m${index});`)
        .join('\n'),
      resolveDir: projectRoot,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return outputFiles.reduce((total, file) => total + file.contents.byteLength, 0);
};

/**
 * `npm run bench -- metrics`: what the embedded metric format lines cost a function. Per
 * invocation of a sender: the documents built and serialized as the logger writes them (stdout
 * itself left out: Lambda's log shipping is outside the function's time); per bundle: what the
 * adapter adds beside the logger every function carries already.
 */
export const metricsCostRows = async (): Promise<BenchRow[]> => {
  let bytes = 0;
  const metrics = new EmfMetrics((document) => {
    bytes += JSON.stringify(document).length + 1;
  });
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    bytes = 0;
    const started = performance.now();
    for (let job = 0; job < JOBS_PER_INVOCATION; job += 1) {
      metrics.record('messagesSent', 'email');
      metrics.record('streamToSendLatency', 'email', 61_234);
    }
    timings.push(performance.now() - started);
  }
  const loggerOnly = await bundledBytes(['lambdas/adapters/logger.ts']);
  const withMetrics = await bundledBytes(['lambdas/adapters/logger.ts', 'lambdas/adapters/emf-metrics.ts']);
  return [
    {
      what: `metrics of one sender invocation (${JOBS_PER_INVOCATION} jobs: ${2 * JOBS_PER_INVOCATION} EMF lines), median of ${ROUNDS}`,
      value: `${(median(timings) * 1000).toFixed(1)} µs; ${kilobytes(bytes)} of log`,
      target: '',
      baseline: '',
    },
    {
      what: 'EMF adapter added to a bundle that has the logger (minified)',
      value: kilobytes(withMetrics - loggerOnly),
      target: '',
      baseline: `logger alone ${kilobytes(loggerOnly)}`,
    },
  ];
};
