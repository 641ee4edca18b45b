import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Each function's asset holds the AWS SDK it uses in a module of its own, `vendor.mjs`, beside
 * `index.mjs` with everything else (our code, zod, middy), which imports it. V8 parses each module
 * on its own, so the memory it takes to parse a function's code is that of the larger of the two,
 * not of both together, and the second parse reuses what the first freed: the page faults of a
 * cold start fall by about a tenth, and its CPU time by 4–8% in the functions that carry most
 * beside the SDK (docs/cold-start.md, decision 17). The SDK-only baseline the bench compares with
 * is built the same way.
 */
export const VENDOR_MODULE = 'vendor.mjs';

/** The files of a function's asset a cold start reads: `index.mjs`, and `vendor.mjs` where there is one. */
export const loadedAtStart = (assetDirectory: string): string[] =>
  ['index.mjs', VENDOR_MODULE].map((file) => path.join(assetDirectory, file)).filter((file) => existsSync(file));

/** A package of the AWS SDK: what goes in `vendor.mjs`. */
const sdkPackage = /^@(?:aws-sdk|smithy)\//;
/** A file of the SDK itself, whose imports of the SDK stay inside `vendor.mjs`. */
const sdkFile = /[\\/]node_modules[\\/]@(?:aws-sdk|smithy|aws)[\\/]/;

/**
 * Leaves every import of the SDK from outside it as it is, for `vendor.mjs` to provide: the
 * function's own bundle then holds none of the SDK.
 */
export const sdkImportsLeftOut: Plugin = {
  name: 'sdk-imports-left-out',
  setup(build) {
    build.onResolve({ filter: sdkPackage }, ({ path, importer }) =>
      sdkFile.test(importer) ? undefined : { path, external: true },
    );
  },
};

/** The SDK's exports a bundle imports, by package. */
export type SdkImports = ReadonlyMap<string, ReadonlySet<string>>;

/** A string literal naming an SDK package, as esbuild writes an import's source: `"@aws-sdk/client-sns"`. */
const sdkSource = /"(@(?:aws-sdk|smithy)\/[^"]+)"/g;
/** The one form esbuild writes a named import in, minified: `import{A as b,C}from"@aws-sdk/client-x"`. */
const namedImport = /import\{([^}]*)\}from"(@(?:aws-sdk|smithy)\/[^"]+)"/g;

/**
 * What a bundle built with `sdkImportsLeftOut` imports of the SDK. Only named imports are
 * supported: `vendor.mjs` exports exactly what is imported, so that tree shaking still keeps only
 * what a function uses. Any other form, or a name two packages would both provide, fails the build.
 */
export const sdkImportsOf = (bundle: string, bundleName: string): SdkImports => {
  const imports = new Map<string, Set<string>>();
  let named = 0;
  for (const [, specifiers = '', source = ''] of bundle.matchAll(namedImport)) {
    named++;
    const names = imports.get(source) ?? new Set<string>();
    for (const specifier of specifiers.split(',')) names.add(specifier.split(' as ')[0] ?? specifier);
    imports.set(source, names);
  }
  const sources = [...bundle.matchAll(sdkSource)].map(([, source]) => source);
  if (sources.length !== named)
    throw new Error(
      `${bundleName} imports the AWS SDK in a form ${VENDOR_MODULE} cannot provide (only \`import { … } from '@aws-sdk/…'\` can): ${sources.join(', ')}`,
    );
  const packageOf = new Map<string, string>();
  for (const [source, names] of imports)
    for (const name of names) {
      const other = packageOf.get(name);
      if (other !== undefined)
        throw new Error(
          `${bundleName} imports ${name} from both ${other} and ${source}: ${VENDOR_MODULE} can export only one`,
        );
      packageOf.set(name, source);
    }
  return imports;
};

/** An import esbuild writes unminified: `import { A, B as B2 } from "@aws-sdk/client-x";`, over lines or not. */
const readableImport = /import\s*\{([^}]*)\}\s*from\s*"(@(?:aws-sdk|smithy)\/[^"]+)"/g;
/** The comment esbuild writes, unminified, before each module's code: `// lambdas/aws-dependencies.ts`. */
const moduleComment = /^\/\/ (\S+)$/gm;

/**
 * The SDK imports of a bundle built unminified that nothing in it uses, each with the module it is
 * in. Tree shaking drops unused code, but not an unused import of a package left out of the bundle:
 * `vendor.mjs` would then carry a client no call of the function makes. Such an import is in a
 * module the function uses part of; the cure is to give it a module of its own.
 */
export const unusedSdkImports = (readableBundle: string): string[] => {
  const modules = [...readableBundle.matchAll(moduleComment)].map((match) => ({ at: match.index, name: match[1] }));
  const moduleAt = (at: number) => modules.findLast((module) => module.at < at)?.name ?? 'the entry';
  return [...readableBundle.matchAll(readableImport)].flatMap(({ 1: specifiers = '', 2: source, index }) =>
    specifiers
      .split(',')
      .map((specifier) => specifier.trim())
      .filter((specifier) => {
        const local = specifier.split(/\s+as\s+/).at(-1) ?? specifier;
        return specifier !== '' && (readableBundle.match(new RegExp(`\\b${local}\\b`, 'g')) ?? []).length < 2;
      })
      .map((specifier) => `${specifier.split(/\s+as\s+/)[0]} from ${source} in ${moduleAt(index)}`),
  );
};

/**
 * The bundle with each import of the SDK pointed at `./vendor.mjs`, padded with spaces to the length
 * of the package's name, so that every position after it, and the source map, stay as they were.
 */
export const importingFromVendor = (bundle: string): string =>
  bundle.replace(sdkSource, (literal) => {
    const vendor = `"./${VENDOR_MODULE}"`;
    if (literal.length < vendor.length)
      throw new Error(`${literal} is shorter than ${vendor}: the source map would shift`);
    return vendor.padEnd(literal.length, ' ');
  });

/** The source of a function's `vendor.mjs`: the SDK's exports its bundle imports, and nothing else. */
export const vendorModuleSource = (imports: SdkImports): string =>
  [...imports].map(([source, names]) => `export { ${[...names].join(', ')} } from '${source}';`).join('\n');

/** Resolves `sdk-vendor:<key>` to the `vendor.mjs` source `sources` holds for that key. */
export const vendorModuleEntries = (sources: ReadonlyMap<string, string>, resolveDir: string): Plugin => ({
  name: 'sdk-vendor-entries',
  setup(build) {
    build.onResolve({ filter: /^sdk-vendor:/ }, ({ path }) => ({ path, namespace: 'sdk-vendor' }));
    build.onLoad({ filter: /.*/, namespace: 'sdk-vendor' }, ({ path }) => {
      const contents = sources.get(path);
      return contents === undefined
        ? { errors: [{ text: `no ${VENDOR_MODULE} source for ${path}` }] }
        : { contents, loader: 'js', resolveDir };
    });
  },
});

/**
 * Fails the build on SDK imports the functions do not use, found in their bundles built readable
 * (unminified, names kept) with `sdkImportsLeftOut`.
 */
export const refuseUnusedSdkImports = (readableBundles: readonly { path: string; text: string }[]): void => {
  const unused = readableBundles.flatMap(({ path: bundle, text }) =>
    unusedSdkImports(text).map((unusedImport) => `${bundle}: ${unusedImport}`),
  );
  if (unused.length > 0)
    throw new Error(
      `SDK imports a function does not use, which would put their clients in its ${VENDOR_MODULE} (give each a module of its own, lib/sdk-vendor-module.ts):\n${unused.join('\n')}`,
    );
};

/**
 * Points a function's built `index.mjs` at `vendor.mjs`, and gives the source to build that from:
 * none when the function uses no SDK.
 */
export const pointedAtVendor = (bundle: string, entry: string): string | undefined => {
  const code = readFileSync(bundle, 'utf8');
  const imports = sdkImportsOf(code, `${entry} (${bundle})`);
  if (imports.size === 0) return undefined;
  writeFileSync(bundle, importingFromVendor(code));
  return vendorModuleSource(imports);
};
