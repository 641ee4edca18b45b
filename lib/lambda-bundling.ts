/**
 * The one definition of how every Lambda is bundled. CDK (`bundling`) and the benchmark
 * (`esbuildOptions`) both derive from the constants below, so a benchmark measures exactly
 * what gets deployed.
 */
import path from 'node:path';
import { type BundlingOptions, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/** Repository root: NodejsFunction entries and the lock file are resolved from here, not the cwd. */
export const projectRoot = path.resolve(import.meta.dirname, '..');

const target = 'node24';
const minify = true;
// Mapping a stack needs only the mappings; leaving the sources out keeps the asset small.
const sourcesContent = false;
// Prefer ESM entry points so tree shaking works on dependencies that ship both formats.
const mainFields = ['module', 'main'];
// ESM bundles have no `require`; bundled CJS dependencies (e.g. parts of the AWS SDK) call it.
const banner =
  "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";

/**
 * Bundling options for every NodejsFunction. Writes `index.mjs` plus a linked `index.mjs.map`, which
 * the logger reads when it first logs an error, to point the stack at the sources
 * (lambdas/adapters/source-mapped-stack.ts). Node's own --enable-source-maps is not set: it reads
 * the map at every cold start (docs/cold-start.md).
 */
export const bundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target,
  minify,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent,
  mainFields,
  banner,
  // Pin the SDK version we test against instead of whatever the runtime ships.
  bundleAwsSDK: true,
  // Always the local node_modules/.bin/esbuild; this project never bundles in Docker.
  forceDockerBundling: false,
};

/**
 * The same build as plain esbuild options, equivalent to the command CDK runs. Callers add
 * `entryPoints` and `outfile` (CDK writes `<asset>/index.mjs`).
 */
export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target,
  minify,
  sourcemap: 'linked',
  sourcesContent,
  mainFields,
  banner: { js: banner },
} as const satisfies BuildOptions;
