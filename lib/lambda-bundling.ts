/**
 * The one definition of how every Lambda is bundled. The stack (lib/constructs/bundled-code.ts runs
 * lib/bundle-function.ts for each function), the benchmark and the tests all build with
 * `esbuildOptions`, so a benchmark measures exactly what gets deployed.
 */
import path from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { sdkSchemaKeys } from './sdk-schema-keys.ts';
import { sideModules, sideModulesImportedBy } from './side-modules.ts';

/** Repository root: function entries are resolved from here, not the cwd. */
export const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * Bundling options for every function: an ESM `index.mjs` plus a linked `index.mjs.map`, which the
 * logger reads when it first logs an error, to point the stack at the sources
 * (lambdas/adapters/source-mapped-stack.ts). Node's own --enable-source-maps is not set: it reads
 * the map at every cold start (docs/cold-start.md). The AWS SDK is bundled, not taken from the
 * runtime: the version we test against. Callers add `entryPoints` and `outfile`.
 */
export const esbuildOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  sourcemap: 'linked',
  // Mapping a stack needs only the mappings; leaving the sources out keeps the asset small.
  sourcesContent: false,
  // Prefer ESM entry points so tree shaking works on dependencies that ship both formats.
  mainFields: ['module', 'main'],
  // ESM bundles have no `require`; bundled CJS dependencies (e.g. parts of the AWS SDK) call it.
  banner: {
    js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);",
  },
  plugins: [sdkSchemaKeys, sideModules(projectRoot)],
};

/**
 * Builds one function's asset into `outdir`: its handler module (`entry`, relative to the project
 * root) as `index.mjs`, and beside it each side module the bundle imports (lib/side-modules.ts),
 * each with its map. `overrides` change the options, as the benchmark and tests need.
 */
export const bundleFunction = async (entry: string, outdir: string, overrides: BuildOptions = {}): Promise<void> => {
  const options: BuildOptions = { ...esbuildOptions, logLevel: 'warning', ...overrides };
  const outfile = path.join(outdir, 'index.mjs');
  const { metafile } = await build({
    ...options,
    entryPoints: [path.resolve(projectRoot, entry)],
    outfile,
    metafile: true,
  });
  await Promise.all(
    sideModulesImportedBy(metafile, outfile).map(({ source, file }) =>
      build({ ...options, entryPoints: [path.join(projectRoot, source)], outfile: path.join(outdir, file) }),
    ),
  );
};
