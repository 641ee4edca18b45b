import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceMappedStack } from '../../lambdas/adapters/source-mapped-stack.ts';
import { bundleFunction, projectRoot } from '../../lib/lambda-bundling.ts';

const environmentSource = path.join(projectRoot, 'lambdas', 'adapters', 'environment.ts');
/** Where requiredEnv throws, as a reader finds it in the sources. */
const throwLine =
  readFileSync(environmentSource, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes('throw ')) + 1;

describe('stacks in the logs of a bundled function', () => {
  let directory: string;
  let bundle: string;

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'source-mapped-stack-'));
    bundle = path.join(directory, 'index.mjs');
    // As every function is built: minified, with the linked source map beside the bundle, the SDK in vendor.mjs.
    await bundleFunction('test/fixtures/logs-a-config-error.ts', directory, { logLevel: 'error' });
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  /** Runs the bundle in a Node of its own, as Lambda does: vitest's process maps stacks by itself. */
  const loggedStack = (): string => {
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        'const { handler } = await import(process.argv[1]); handler();',
        pathToFileURL(bundle).href,
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
    );
    const logged = JSON.parse(run.stdout) as { error: { stack: string } };
    return logged.error.stack;
  };

  it('point at the source file and line, through the map deployed beside the bundle', () => {
    const stack = loggedStack();

    expect(stack).toContain('SETTING_NOBODY_SET is not set');
    expect(stack).toContain(`lambdas/adapters/environment.ts:${throwLine}:`);
    expect(stack).not.toContain('index.mjs:');
    // The map holds though the bundle's SDK import was pointed at vendor.mjs after esbuild wrote both.
    expect(readFileSync(bundle, 'utf8')).toContain('from"./vendor.mjs"');
  });

  it('stay as Node wrote them where no map lies beside the code (the sources run as they are)', () => {
    const stack = new Error('local failure').stack ?? '';

    expect(sourceMappedStack(stack)).toBe(stack);
  });
});
