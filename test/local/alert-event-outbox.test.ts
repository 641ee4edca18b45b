import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOutboxAlertEventPublisher, readAlertEventFeed } from '../../local/outbox/alert-event-outbox.ts';
import { russiaWorkPermits } from '../support/watch-fixtures.ts';

const feedFile = () => join(mkdtempSync(join(tmpdir(), 'sanctions-watch-feed-')), 'alert-events.jsonl');
const at = new Date('2019-03-25T10:00:05.000Z');

describe('the local machine feed', () => {
  it('appends each event as the topic would carry it, body and attributes, and prints one line per batch', async () => {
    const file = feedFile();
    const printed: string[] = [];
    const publisher = createOutboxAlertEventPublisher({ file, now: () => at, print: (line) => printed.push(line) });
    const world = { ...russiaWorkPermits, id: 'w0rldRepatriated123456', state: 'world', metric: 'workers.repatriated' };

    await expect(publisher.publish([russiaWorkPermits])).resolves.toEqual({ failedIds: [] });
    await expect(publisher.publish([world])).resolves.toEqual({ failedIds: [] });

    expect(readAlertEventFeed(file)).toEqual([
      {
        publishedAt: '2019-03-25T10:00:05.000Z',
        body: {
          version: 1,
          id: russiaWorkPermits.id,
          type: 'figure.changed',
          at: russiaWorkPermits.at,
          state: 'RU',
          metric: 'work-permits.valid',
          data: russiaWorkPermits.data,
        },
        attributes: { type: 'figure.changed', state: 'RU', metric: 'work-permits.valid' },
      },
      expect.objectContaining({
        attributes: { type: 'figure.changed', state: 'world', metric: 'workers.repatriated' },
      }),
    ]);
    expect(printed).toEqual([
      `alert events: 1 published (figure.changed) to ${file}`,
      `alert events: 1 published (figure.changed) to ${file}`,
    ]);
  });

  it('writes and prints nothing for no events, and reads a feed not yet written as empty', async () => {
    const file = feedFile();
    const printed: string[] = [];
    const publisher = createOutboxAlertEventPublisher({ file, now: () => at, print: (line) => printed.push(line) });

    await publisher.publish([]);

    expect(readAlertEventFeed(file)).toEqual([]);
    expect(printed).toEqual([]);
  });
});
