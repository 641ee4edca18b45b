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
// Stack traces need only the mappings; leaving sources out keeps the asset (and cold start) small.
const sourcesContent = false;
// Prefer ESM entry points so tree shaking works on dependencies that ship both formats.
const mainFields = ['module', 'main'];
// ESM bundles have no `require`; bundled CJS dependencies (e.g. parts of the AWS SDK) call it.
const banner =
  "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";

/**
 * Bundling options for every NodejsFunction. Writes `index.mjs` plus a linked `index.mjs.map`
 * (SourceMapMode.DEFAULT adds the `sourceMappingURL` comment that Node needs to find the map).
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

/** Makes Node apply the source maps above to stack traces; set on every function. */
export const sourceMapRuntimeEnvironment = { NODE_OPTIONS: '--enable-source-maps' } as const;
