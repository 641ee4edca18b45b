import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedMetrics } from '../../lambdas/core/reference/metrics.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import { freePort } from '../../local/free-port.ts';
import { startService, stopServices, waitFor } from '../support/local-service.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const dataDirectory = mkdtempSync(join(tmpdir(), 'sanctions-watch-start-'));
const outboxFile = join(dataDirectory, 'outbox.jsonl');
afterAll(async () => {
  await stopServices();
  rmSync(dataDirectory, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves the 193 states and the seeded obligations, and Ctrl-C stops it and DynamoDB Local', async () => {
    const port = await freePort();
    const service = await startService([
      '--port',
      String(port),
      '--data',
      dataDirectory,
      '--outbox',
      outboxFile,
      '--fresh',
      '--no-sample',
    ]);

    expect(service.output()).toContain(`API           http://127.0.0.1:${port}`);
    expect(service.output()).toMatch(/Sample\s+no sample data/);
    const states = (await (await fetch(`http://127.0.0.1:${port}/states`)).json()) as { count: number };
    const obligations = (await (await fetch(`http://127.0.0.1:${port}/obligations`)).json()) as { count: number };
    expect(states.count).toBe(193);
    expect(obligations.count).toBe(seedObligations.length);

    service.child.kill('SIGINT');
    expect(await service.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/states`)).rejects.toThrow();
  }, 90_000);

  it('seeds the 2019 sample data and two confirmed sample watches, and a restart seeds nothing new', async () => {
    const port = await freePort();
    const api = `http://127.0.0.1:${port}`;
    const first = await startService(['--port', String(port), '--data', dataDirectory, '--outbox', outboxFile]);
    expect(first.output()).toMatch(/Sample\s+34 sample facts and 2 sample watches recorded/);
    const userToken = /USER_TOKEN=(\S+)/.exec(first.output())?.[1] ?? '';
    const russia = (await (await fetch(`${api}/states/RU`)).json()) as {
      figures: { metric: string; value?: number }[];
    };
    expect(russia.figures).toEqual(
      expect.arrayContaining([expect.objectContaining({ metric: 'work-permits.valid', value: 11_490 })]),
    );
    const watches = (await (
      await fetch(`${api}/watches`, { headers: { authorization: `Bearer ${userToken}` } })
    ).json()) as { watches: { status: string }[] };
    expect(watches.watches.map(({ status }) => status)).toEqual(['active', 'active']);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    const service = await startService(['--port', String(port), '--data', dataDirectory, '--outbox', outboxFile]);
    expect(service.output()).toMatch(
      new RegExp(`Reference\\s+0 seeded, ${seedObligations.length + seedMetrics.length} already there`),
    );
    expect(service.output()).toMatch(/Sample\s+sample data already there/);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  }, 180_000);

  it("replays the midterm deadline: one message naming the 54 overdue African states, then one SMS on Russia's permits once Reuters made its report public", async () => {
    const port = await freePort();
    const replayOutbox = join(dataDirectory, 'replay-outbox.jsonl');
    const service = await startService([
      '--port',
      String(port),
      '--outbox',
      replayOutbox,
      '--replay',
      '2019-03-20',
      '2019-03-27',
    ]);
    await waitFor(() => service.output().includes('Replay done'), 60_000);

    expect(service.output()).toContain('2019-03-23: deadline check: 193 report.overdue (2397-p8-midterm)');
    const alerts = readFileSync(replayOutbox, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { channel: string; subject?: string; text: string; eventIds: string[] })
      .filter(({ eventIds }) => eventIds.length > 0);
    expect(alerts.map(({ channel, subject }) => ({ channel, subject }))).toEqual([
      { channel: 'email', subject: '54 states overdue: Midterm report on repatriated DPRK workers' },
      { channel: 'sms', subject: undefined },
    ]);
    expect(alerts[1]?.text).toContain('30,023->11,490 (-61.7%)');
    service.child.kill('SIGINT');
    expect(await service.exited).toBe(0);
  }, 120_000);

  it('refuses a bad port with a clear message and exit code 2', async () => {
    const child = spawn(process.execPath, ['bin/local.ts', '--port', 'eighty'], { cwd: projectRoot });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));

    expect(code).toBe(2);
    expect(stderr).toContain('--port must be a port number');
  });
});
