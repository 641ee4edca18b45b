/**
 * The one definition of how every Lambda is bundled. The stack (lib/function-bundles.ts bundles all
 * of an app's functions in one run; lib/constructs/bundled-code.ts gives each its bundle), the
 * benchmark and the tests all build with `esbuildOptions`, so a benchmark measures exactly what
 * gets deployed.
 */
import path from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { sdkSchemaKeys } from './sdk-schema-keys.ts';
import {
  pointedAtVendor,
  refuseUnusedSdkImports,
  sdkImportsLeftOut,
  VENDOR_MODULE,
  vendorModuleEntries,
} from './sdk-vendor-module.ts';
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

/** One function to bundle: its handler module (relative to the project root) and the directory of its asset. */
export interface FunctionBuild {
  readonly entry: string;
  readonly outdir: string;
}

/** The deepest directory that holds all of `directories`. */
const commonDirectory = (directories: readonly string[]): string => {
  const [first = [], ...rest] = directories.map((directory) => path.resolve(directory).split(path.sep));
  const shared = first.findIndex((part, i) => rest.some((parts) => parts[i] !== part));
  return (shared === -1 ? first : first.slice(0, shared)).join(path.sep) || path.sep;
};

/**
 * Builds each function's asset into its `outdir`: its handler module as `index.mjs`, the AWS SDK it
 * uses as `vendor.mjs` beside it (lib/sdk-vendor-module.ts), and each side module the bundle
 * imports (lib/side-modules.ts), each with its map. Every function's `index.mjs` in one esbuild
 * run, which parses each module they share (zod, our core) once, then every `vendor.mjs` in
 * another, and the side modules in a third: the stack's 66 functions bundle in about a quarter of
 * the time they take one run each (lib/function-bundles.ts). `overrides` change the options, as the
 * benchmark and tests need.
 */
export const bundleFunctions = async (
  functions: readonly FunctionBuild[],
  overrides: BuildOptions = {},
): Promise<void> => {
  if (functions.length === 0) return;
  const options: BuildOptions = { ...esbuildOptions, logLevel: 'warning', ...overrides };
  const root = commonDirectory(functions.map(({ outdir }) => outdir));
  /** esbuild names each output by its path under `root`, without the extension. */
  const output = (outdir: string, file: string) => ({
    out: path.relative(root, path.join(outdir, path.basename(file, '.mjs'))),
  });
  const common = { ...options, outdir: root, outExtension: { '.js': '.mjs' } };
  const buildAll = (entryPoints: { in: string; out: string }[], plugins: Plugin[] = options.plugins ?? []) =>
    build({ ...common, plugins, entryPoints, metafile: true });
  const entryPoints = functions.map(({ entry, outdir }) => ({
    in: path.resolve(projectRoot, entry),
    ...output(outdir, 'index.mjs'),
  }));
  const withoutSdk = [sdkImportsLeftOut, ...(options.plugins ?? [])];
  const [{ metafile }, readable] = await Promise.all([
    buildAll(entryPoints, withoutSdk),
    build({ ...common, plugins: withoutSdk, entryPoints, minify: false, sourcemap: false, write: false }),
  ]);
  refuseUnusedSdkImports(readable.outputFiles);
  const vendorSources = new Map<string, string>();
  const vendors = functions.flatMap(({ entry, outdir }) => {
    const source = pointedAtVendor(path.join(outdir, 'index.mjs'), entry);
    if (source === undefined) return [];
    const key = `sdk-vendor:${outdir}`;
    vendorSources.set(key, source);
    return [{ in: key, ...output(outdir, VENDOR_MODULE) }];
  });
  const sides = functions.flatMap(({ outdir }) =>
    sideModulesImportedBy(metafile, path.join(outdir, 'index.mjs')).map(({ source, file }) => ({
      in: path.join(projectRoot, source),
      ...output(outdir, file),
    })),
  );
  await Promise.all([
    vendors.length > 0 &&
      buildAll(vendors, [vendorModuleEntries(vendorSources, projectRoot), ...(options.plugins ?? [])]),
    sides.length > 0 && buildAll(sides),
  ]);
};

/** Builds one function's asset into `outdir`, as bundleFunctions does. */
export const bundleFunction = (entry: string, outdir: string, overrides: BuildOptions = {}): Promise<void> =>
  bundleFunctions([{ entry, outdir }], overrides);
