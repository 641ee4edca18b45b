import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/free-port.ts';
import { startService, stopServices, waitFor } from '../support/local-service.ts';

const directory = mkdtempSync(join(tmpdir(), 'sanctions-watch-replay-metrics-'));
afterAll(async () => {
  await stopServices();
  rmSync(directory, { recursive: true, force: true });
});

type Document = Record<string, unknown> & {
  readonly _aws: { readonly CloudWatchMetrics: { readonly Metrics: { readonly Name: string }[] }[] };
};

describe('the metrics of a local run', () => {
  // The week of the midterm deadline (22 March 2019) and of Russia's report (26 March) raises every
  // metric the test reads, by email and by SMS; a year's replay showed no more, in six times as long.
  it('come out as embedded metric format lines for a replay across the midterm deadline, with the right names and no personal data', async () => {
    const outbox = join(directory, 'outbox.jsonl');
    const service = await startService([
      '--port',
      String(await freePort()),
      '--outbox',
      outbox,
      '--replay',
      '2019-03-20',
      '2019-03-27',
    ]);
    await waitFor(() => service.output().includes('Replay done'), 400_000);
    expect(service.output()).toContain(`Metrics       ${join(directory, 'metrics.jsonl')}`);

    const documents = readFileSync(join(directory, 'metrics.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Document);
    const names = new Set(
      documents.flatMap((document) => document._aws.CloudWatchMetrics[0]?.Metrics.map(({ Name }) => Name)),
    );
    for (const name of ['AlertsEmitted', 'CheckDuration', 'MessagesSent', 'StreamToSendLatency', 'ConfirmationsSent'])
      expect(names).toContain(name);
    const sum = (name: string, dimension: Record<string, string> = {}) =>
      documents
        .filter(
          (document) => name in document && Object.entries(dimension).every(([key, value]) => document[key] === value),
        )
        .reduce((total, document) => total + Number(document[name]), 0);
    // The midterm deadline's 187 overdue states, as the replay prints them; the sample's two watches get their messages.
    expect(sum('AlertsEmitted', { type: 'report.overdue' })).toBeGreaterThanOrEqual(187);
    expect(sum('MessagesSent', { channel: 'email' })).toBeGreaterThan(0);
    expect(sum('MessagesSent', { channel: 'sms' })).toBeGreaterThan(0);
    // Each document is one value: its namespace, a dimension set of at most one member, and that member.
    for (const document of documents) {
      const [directive, ...more] = document._aws.CloudWatchMetrics as unknown as {
        Namespace: string;
        Dimensions: string[][];
      }[];
      expect(more).toEqual([]);
      expect(directive?.Namespace).toBe('SanctionsWatch');
      for (const key of directive?.Dimensions[0] ?? []) expect(['channel', 'type']).toContain(key);
    }
    // The sample watches' address and number, and any address or number at all, appear in no line.
    const text = readFileSync(join(directory, 'metrics.jsonl'), 'utf8');
    expect(text).not.toMatch(/@|\+\d{6,}|sample-user/);
    service.child.kill('SIGINT');
    expect(await service.exited).toBe(0);
  }, 480_000);
});
