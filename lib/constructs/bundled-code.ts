import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { AssetHashType, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { noteFunctionEntry, takeReadyBundle } from '../function-bundles.ts';
import { projectRoot } from '../lambda-bundling.ts';

const bundleScript = path.join(projectRoot, 'lib', 'bundle-function.ts');

/**
 * Takes the function's bundle that appWithFunctionBundles made with the app's others, or, in an app
 * built without it, runs lib/bundle-function.ts in this Node. Its `entry` field also tells CDK's
 * asset cache one function's bundle from another's (the scope, private, is not part of that key).
 */
class FunctionBundler implements ILocalBundling {
  readonly entry: string;
  readonly #scope: IConstruct;

  constructor(scope: IConstruct, entry: string) {
    this.entry = entry;
    this.#scope = scope;
  }

  tryBundle(outputDir: string): boolean {
    if (takeReadyBundle(this.#scope, this.entry, outputDir)) return true;
    const run = spawnSync(process.execPath, [bundleScript, this.entry, outputDir], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`bundling ${this.entry} failed (exit ${run.status ?? run.signal})`);
    return true;
  }
}

/**
 * A function's code: its handler module (relative to the project root) bundled with the project's
 * esbuild options (lib/lambda-bundling.ts) as CDK synthesizes the stack, and hashed by its output.
 * A synthesis that skips bundling (tests that do not look at code) skips it.
 */
export const bundledCode = (scope: IConstruct, entry: string): Code => {
  noteFunctionEntry(scope, entry);
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: this project never bundles in Docker; local bundling succeeds or fails the synth.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      local: new FunctionBundler(scope, entry),
    },
  });
};
