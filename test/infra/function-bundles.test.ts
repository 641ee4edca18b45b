import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaseFunction } from '../../lib/constructs/base-function.ts';
import { appWithFunctionBundles } from '../../lib/function-bundles.ts';
import { bundleFunction } from '../../lib/lambda-bundling.ts';
import { cfn } from './template-queries.ts';

/** What this test reads of a synthesized template: where each function's code is uploaded. */
interface DeployedTemplate {
  readonly Resources: Record<string, { readonly Properties: { readonly Code?: { readonly S3Key: string } } }>;
}

/** The files of an asset, and the text of its code (its maps name sources relative to where it was built). */
const codeOf = (directory: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(directory)
      .sort()
      .map((file) => [file, file.endsWith('.mjs') ? readFileSync(path.join(directory, file), 'utf8') : 'a map']),
  );

describe('appWithFunctionBundles: every function of an app bundled in one esbuild run', () => {
  const entries = {
    both: 'test/fixtures/parks-one-failure.ts',
    firstOnly: 'test/fixtures/admin-only.ts',
    secondOnly: 'test/fixtures/echo-caller.ts',
  };
  let work: string;
  let outdir: string;
  /** Each function's asset directory, by construct id. */
  const assets = new Map<string, string>();
  /** When the app began to define itself for good, after it learnt its entries. */
  let definedAt = 0;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'function-bundles-'));
    outdir = path.join(work, 'assembly');
    let definitions = 0;
    const functions: BaseFunction[] = [];
    const app = await appWithFunctionBundles({ outdir }, (app) => {
      definitions += 1;
      if (definitions === 2) definedAt = Date.now();
      const stack = new Stack(app, 'Bundles');
      functions.length = 0;
      functions.push(new BaseFunction(stack, 'Both', { entry: entries.both }));
      // An app that defines itself differently the second time: one ready bundle goes unused, and
      // one function has none ready.
      if (definitions === 1) functions.push(new BaseFunction(stack, 'FirstOnly', { entry: entries.firstOnly }));
      else functions.push(new BaseFunction(stack, 'SecondOnly', { entry: entries.secondOnly }));
    });
    const assembly = app.synth();
    for (const fn of functions) {
      const stack = Stack.of(fn);
      const template = assembly.getStackArtifact(stack.artifactId).template as DeployedTemplate;
      const key = template.Resources[stack.getLogicalId(cfn(fn.function))]?.Properties.Code?.S3Key ?? '';
      assets.set(fn.node.id, path.join(outdir, `asset.${key.replace(/\.zip$/, '')}`));
    }
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives each function the code a bundle of its own would have, side modules included', async () => {
    for (const [id, entry] of [
      ['Both', entries.both],
      ['SecondOnly', entries.secondOnly],
    ] as const) {
      const alone = path.join(work, `alone-${id}`);
      await bundleFunction(entry, alone, { logLevel: 'error' });
      expect(codeOf(assets.get(id) ?? '')).toEqual(codeOf(alone));
    }
    expect(Object.keys(codeOf(assets.get('Both') ?? ''))).toEqual([
      'index.mjs',
      'index.mjs.map',
      'sqs-calls.mjs',
      'sqs-calls.mjs.map',
    ]);
  });

  it('bundles the functions it learnt of before it defines the app, and one it did not as it is defined', () => {
    const builtAt = (id: string) => statSync(path.join(assets.get(id) ?? '', 'index.mjs')).mtimeMs;
    expect(builtAt('Both')).toBeLessThan(definedAt);
    expect(builtAt('SecondOnly')).toBeGreaterThan(definedAt);
  });

  it('defines the app it returns, and leaves no bundle behind in its assembly, used or not', () => {
    expect([...assets.keys()]).toEqual(['Both', 'SecondOnly']);
    expect(readdirSync(outdir).filter((file) => !file.startsWith('asset.') && file.startsWith('bundling'))).toEqual([]);
  });
});
