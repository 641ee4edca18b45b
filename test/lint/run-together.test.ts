import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '../../scripts/run-together.ts');

/** Runs scripts/run-together.ts in a package whose scripts print in two parts, a while apart. */
const runTogether = (cwd: string, scripts: string[]): Promise<{ code: number | null; stdout: string }> =>
  new Promise((done) => {
    const child = spawn(process.execPath, [script, ...scripts], { cwd });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('close', (code) => done({ code, stdout }));
  });

describe('scripts/run-together.ts: npm scripts side by side, as `npm test` runs the type check and the linters', () => {
  let pkg: string;
  beforeAll(() => {
    pkg = mkdtempSync(path.join(tmpdir(), 'run-together-'));
    const twoParts = (name: string, exit: number) =>
      `node -e "console.log('${name} one'); setTimeout(() => { console.error('${name} two'); process.exit(${exit}); }, 400)"`;
    writeFileSync(
      path.join(pkg, 'package.json'),
      JSON.stringify({
        name: 'p',
        scripts: { first: twoParts('first', 0), second: twoParts('second', 0), fails: twoParts('fails', 3) },
      }),
    );
  });
  afterAll(() => rmSync(pkg, { recursive: true, force: true }));

  it('prints each script whole under its own heading, and succeeds when all do', async () => {
    const { code, stdout } = await runTogether(pkg, ['first', 'second']);
    expect(code).toBe(0);
    expect(stdout).toContain('> npm run first: ok\nfirst one\nfirst two\n');
    expect(stdout).toContain('> npm run second: ok\nsecond one\nsecond two\n');
  });

  it('fails when any script fails, after every script has ended', async () => {
    const { code, stdout } = await runTogether(pkg, ['fails', 'first']);
    expect(code).toBe(1);
    expect(stdout).toContain('> npm run fails: failed (exit 3)\nfails one\nfails two\n');
    expect(stdout).toContain('> npm run first: ok\nfirst one\nfirst two\n');
  });
});
