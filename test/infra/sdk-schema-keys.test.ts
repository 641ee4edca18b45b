import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptions, projectRoot } from '../../lib/lambda-bundling.ts';

const fixture = path.join(projectRoot, 'test', 'fixtures', 'sends-through-sdk-clients.ts');

/** Runs a bundle's handler in a Node of its own, as Lambda does, and returns what it reported. */
const run = (bundle: string): string => {
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      'const { handler } = await import(process.argv[1]); console.log(JSON.stringify(await handler()));',
      pathToFileURL(bundle).href,
    ],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  // The stand-in endpoint's port differs from run to run.
  return result.stdout.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:port');
};

describe('the AWS SDK schemas in a bundle', () => {
  let directory: string;
  const bundles = { deployed: '', unchanged: '' };

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'sdk-schema-keys-'));
    bundles.deployed = path.join(directory, 'deployed', 'index.mjs');
    bundles.unchanged = path.join(directory, 'unchanged', 'index.mjs');
    const options: BuildOptions = { ...esbuildOptions, entryPoints: [fixture], sourcemap: false, logLevel: 'error' };
    await build({ ...options, outfile: bundles.deployed });
    await build({ ...options, plugins: [], outfile: bundles.unchanged });
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('are only those of the commands a function sends, with their errors', () => {
    const deployed = readFileSync(bundles.deployed, 'utf8');

    expect(deployed).toContain('SendEmailRequest');
    expect(deployed).toContain('MessageRejected');
    expect(deployed).not.toContain('CreateContactListRequest');
    expect(readFileSync(bundles.unchanged, 'utf8')).toContain('CreateContactListRequest');
  });

  it('make the same requests and read the same answers as the schemas esbuild is not shown', () => {
    const deployed = run(bundles.deployed);

    expect(JSON.parse(deployed)).toMatchObject({
      sent: 'message-1',
      refused: ['MessageRejected', 'Email address is not verified.', 'client'],
      queued: 'message-1',
    });
    expect(deployed).toEqual(run(bundles.unchanged));
  });
});
