import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import { projectRoot } from '../../lib/lambda-bundling.ts';
import { SanctionsWatchStack } from '../../lib/sanctions-watch-stack.ts';

/** The feature flags `cdk synth` applies, read from cdk.json so tests see the deployed template. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson: unknown = JSON.parse(readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8'));
  if (typeof cdkJson !== 'object' || cdkJson === null || !('context' in cdkJson)) {
    throw new Error('cdk.json has no "context"');
  }
  return { ...(cdkJson.context as Record<string, unknown>) };
}

export interface TestAppOptions {
  /** Extra context, e.g. `{ dev: 'true' }` as `cdk synth -c dev=true` passes it. @default {} */
  readonly context?: Record<string, unknown>;
  /** Where the cloud assembly goes. @default a new temporary directory */
  readonly outdir?: string;
}

export interface TestApp {
  readonly app: App;
  readonly stack: SanctionsWatchStack;
  /** Removes the temporary cloud assembly directory. */
  dispose(): void;
}

/** The stack as bin/app.ts builds it, in an app with cdk.json's context. */
export function createTestApp(options: TestAppOptions = {}): TestApp {
  const app = new App({
    outdir: options.outdir,
    context: {
      ...cdkJsonContext(),
      // An empty list tells CDK that no stack needs its assets bundled: these tests do not look at
      // code or asset hashes (synthesize-stack.ts bundles, once per run, for those that do).
      [BUNDLING_STACKS]: [],
      ...options.context,
    },
  });
  const stack = new SanctionsWatchStack(app, 'SanctionsWatch');
  return { app, stack, dispose: () => rmSync(app.outdir, { recursive: true, force: true }) };
}
