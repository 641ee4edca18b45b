/**
 * Every function of an app bundled in one esbuild run before its stacks are built. CDK bundles an
 * asset as the construct that owns it is built, one at a time and synchronously, so on its own each
 * function costs a Node process and an esbuild run that parses the SDK again
 * (lib/constructs/bundled-code.ts). `appWithFunctionBundles` learns the app's entries first, by
 * defining it once with bundling skipped, bundles them together (lib/lambda-bundling.ts), and then
 * defines the app for real, each function taking its ready bundle. `cdk synth` of the stack's 66
 * functions (cdk-nag included) took 99 s one function at a time, and takes 18 s so, with the same
 * assets byte for byte (7 December 2026, 2 cores).
 */
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, type AppProps } from 'aws-cdk-lib';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import { bundleFunctions } from './lambda-bundling.ts';

/** The entries each app defined with bundling skipped asked for, by its root. */
const entriesByApp = new WeakMap<IConstruct, Set<string>>();
/** Each app's ready bundles: the directory (in the app's outdir) that holds an entry's asset. */
const bundlesByApp = new WeakMap<IConstruct, Map<string, string>>();

/** Called as a function's code is defined: an app that is learning its entries notes this one. */
export const noteFunctionEntry = (scope: IConstruct, entry: string): void => {
  entriesByApp.get(scope.node.root)?.add(entry);
};

/**
 * Moves the ready bundle of `entry` to `outputDir`, where CDK's local bundling expects the asset;
 * false when the app has none for it (an app built without appWithFunctionBundles).
 */
export const takeReadyBundle = (scope: IConstruct, entry: string, outputDir: string): boolean => {
  const bundles = bundlesByApp.get(scope.node.root);
  const ready = bundles?.get(entry);
  if (bundles === undefined || ready === undefined) return false;
  bundles.delete(entry);
  rmSync(outputDir, { recursive: true, force: true });
  renameSync(ready, outputDir);
  return true;
};

/** Whether synthesizing the app bundles anything: `cdk synth` and `cdk deploy` do; an empty bundling-stacks list does not. */
const bundlesAssets = (app: App): boolean => {
  const stacks: unknown = app.node.tryGetContext(BUNDLING_STACKS);
  return !Array.isArray(stacks) || stacks.length > 0;
};

/** The entries of the functions `define` puts in an app, learnt by defining one with bundling skipped (about a second). */
const entriesOf = (props: AppProps, define: (app: App) => void): Set<string> => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'sanctions-watch-entries-'));
  const entries = new Set<string>();
  try {
    const learning = new App({
      ...props,
      outdir,
      autoSynth: false,
      postCliContext: { ...props.postCliContext, [BUNDLING_STACKS]: [] },
    });
    entriesByApp.set(learning, entries);
    define(learning);
    return entries;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
};

/**
 * The app `define` builds, with `props`, each function's bundle made up front in one esbuild run.
 * The bundles go in the app's outdir, beside the assets CDK's bundling makes there (so a map's
 * relative sources read the same), and each moves into its asset as its function is defined.
 */
export const appWithFunctionBundles = async (props: AppProps, define: (app: App) => void): Promise<App> => {
  const app = new App(props);
  if (!bundlesAssets(app)) {
    define(app);
    return app;
  }
  const ready = new Map(
    [...entriesOf(props, define)].map((entry, i) => [entry, path.join(app.outdir, `bundling-ready-${i}`)]),
  );
  await bundleFunctions([...ready].map(([entry, outdir]) => ({ entry, outdir })));
  bundlesByApp.set(app, ready);
  try {
    define(app);
  } finally {
    // Only an app that defines itself differently the second time leaves a bundle untaken.
    for (const directory of ready.values()) rmSync(directory, { recursive: true, force: true });
  }
  return app;
};
