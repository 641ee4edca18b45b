import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/free-port.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const dataDirectory = mkdtempSync(join(tmpdir(), 'sanctions-watch-start-'));
afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

/** Runs `bin/local.ts` as `npm start` does and collects what it prints until `ready` matches. */
const startService = async (args: string[]) => {
  const child = spawn(process.execPath, ['bin/local.ts', ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  await new Promise<void>((ready, fail) => {
    const timer = setInterval(() => {
      if (output.includes('Ctrl-C stops everything')) {
        clearInterval(timer);
        ready();
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      fail(new Error(`exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { child, exited, output: () => output };
};

describe('npm start', () => {
  it('serves the 193 states and the seeded obligations, and Ctrl-C stops it and DynamoDB Local', async () => {
    const port = await freePort();
    const service = await startService(['--port', String(port), '--data', dataDirectory, '--fresh']);

    expect(service.output()).toContain(`API           http://127.0.0.1:${port}`);
    const states = (await (await fetch(`http://127.0.0.1:${port}/states`)).json()) as { count: number };
    const obligations = (await (await fetch(`http://127.0.0.1:${port}/obligations`)).json()) as { count: number };
    expect(states.count).toBe(193);
    expect(obligations.count).toBe(3);

    service.child.kill('SIGINT');
    expect(await service.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/states`)).rejects.toThrow();
  }, 90_000);

  it('keeps its data between runs, so a restart seeds nothing new', async () => {
    const port = await freePort();
    const service = await startService(['--port', String(port), '--data', dataDirectory]);

    expect(service.output()).toMatch(/Reference\s+0 seeded, 8 already there/);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  }, 90_000);

  it('refuses a bad port with a clear message and exit code 2', async () => {
    const child = spawn(process.execPath, ['bin/local.ts', '--port', 'eighty'], { cwd: projectRoot });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));

    expect(code).toBe(2);
    expect(stderr).toContain('--port must be a port number');
  });
});
