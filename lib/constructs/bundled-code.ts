import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { AssetHashType, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { projectRoot } from '../lambda-bundling.ts';

const bundleScript = path.join(projectRoot, 'lib', 'bundle-function.ts');

/** Runs lib/bundle-function.ts in this Node. Its `entry` field also tells CDK's asset cache one function's bundle from another's. */
class FunctionBundler implements ILocalBundling {
  readonly entry: string;

  constructor(entry: string) {
    this.entry = entry;
  }

  tryBundle(outputDir: string): boolean {
    const run = spawnSync(process.execPath, [bundleScript, this.entry, outputDir], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`bundling ${this.entry} failed (exit ${run.status ?? run.signal})`);
    return true;
  }
}

/**
 * A function's code: its handler module (relative to the project root) bundled with the project's
 * esbuild options (lib/lambda-bundling.ts) by lib/bundle-function.ts as CDK synthesizes the stack,
 * and hashed by its output. A synthesis that skips bundling (tests that do not look at code) skips it.
 */
export const bundledCode = (entry: string): Code =>
  Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: this project never bundles in Docker; local bundling succeeds or fails the synth.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      local: new FunctionBundler(entry),
    },
  });
