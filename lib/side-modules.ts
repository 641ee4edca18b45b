import path from 'node:path';
import type { Metafile, Plugin } from 'esbuild';

/**
 * Modules a function loads only on a path that needs them, from a file of their own beside its
 * `index.mjs`: an SDK client used off the function's usual path (SQS in the senders, for a
 * throttled job's backoff and a failed one's parking; in the migrations, for a long run). Inside one
 * bundle esbuild would turn their dynamic `import()` into lazy initializers around the whole SDK
 * they share, which costs more at every cold start than loading the client eagerly. As a file of
 * its own the client is read only when a call first needs it (docs/cold-start.md, decision 16).
 *
 * That file carries its own copy of the SDK's core (300 KB), so the first call that needs it pays
 * about a fifth of a cold start: a side module is for a rare path whose latency does not matter,
 * never for one a function takes in the usual run (SES in the routes that send was measured, and
 * left in the bundle). Only the SDK belongs in one: a class of ours bundled twice would be two
 * classes, and an error thrown from one copy would fail `instanceof` in the other.
 */
export const sideModuleSources: readonly string[] = ['lambdas/adapters/sqs/sqs-calls.ts'];

/** The file a side module is built to in an asset, as `index.mjs` imports it: `./sqs-calls.mjs`. */
const sideModuleFile = (source: string): string => `./${path.basename(source, '.ts')}.mjs`;

/**
 * Turns each dynamic import of a side module in a function's code into an import of its file, and
 * refuses any other dynamic import there: it would be inlined behind lazy initializers.
 */
export const sideModules = (projectRoot: string): Plugin => {
  const lambdas = path.join(projectRoot, 'lambdas') + path.sep;
  const byPath = new Map(sideModuleSources.map((source) => [path.join(projectRoot, source), source]));
  return {
    name: 'side-modules',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'dynamic-import' || !args.importer.startsWith(lambdas)) return undefined;
        const source = byPath.get(path.resolve(args.resolveDir, args.path));
        if (source !== undefined) return { path: sideModuleFile(source), external: true };
        return {
          errors: [
            {
              text: `${args.path} is imported dynamically but is not a side module (lib/side-modules.ts): in one bundle it would sit behind lazy initializers that cost more than they save`,
            },
          ],
        };
      });
    },
  };
};

/** The side modules an output imports once tree shaking is done: each is built beside it. */
export const sideModulesImportedBy = (metafile: Metafile, output: string): { source: string; file: string }[] => {
  const imports = Object.entries(metafile.outputs).find(([file]) => path.resolve(file) === path.resolve(output))?.[1]
    .imports;
  return sideModuleSources
    .map((source) => ({ source, file: sideModuleFile(source) }))
    .filter(({ file }) =>
      imports?.some((entry) => entry.external && entry.kind === 'dynamic-import' && entry.path === file),
    );
};
