import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoAlertEventStore } from '../../lambdas/adapters/dynamodb/alert-event-repository.ts';
import { createDocumentClient } from '../../lambdas/adapters/dynamodb/document-client.ts';
import { countRequests } from '../../lambdas/adapters/dynamodb/request-counter.ts';
import type { WavedAlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { createTestTable } from '../support/test-table.ts';
import { checkerEvents } from '../support/watch-fixtures.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
// A table of each test's own: the two checks share events (the midterm's overdue states).
beforeEach(async () => {
  table = await createTestTable();
});

/** The store on a fresh client whose requests are counted. */
const countedStore = () => {
  const client = createDocumentClient(table.endpoint);
  return { store: new DynamoAlertEventStore(client, table.tableName), requests: countRequests(client), client };
};

/** The check's events the day after the midterm deadline, in a wave of their own: one per state. */
const waveOf = (waveId: string, at: string): WavedAlertEvent[] =>
  checkerEvents(at).map((event) => ({ ...event, waveId, storedAt: at }));

describe('alert events stored together on DynamoDB Local', () => {
  it("stores a check's events in a few requests, and a second check of the same day stores none, in as few", async () => {
    const events = waveOf('check:first', '2019-03-23T06:00:00Z');
    expect(events.length).toBeGreaterThan(100);
    const first = countedStore();
    expect((await first.store.putManyIfAbsent(events)).map(({ id }) => id)).toEqual(events.map(({ id }) => id));
    expect(first.requests.byOperation()).toEqual({ TransactWriteItemsCommand: Math.ceil(events.length / 100) });

    const again = countedStore();
    expect(await again.store.putManyIfAbsent(waveOf('check:again', '2019-03-23T06:00:00Z'))).toEqual([]);
    expect(again.requests.total()).toBe(Math.ceil(events.length / 100));
    // The first store keeps its wave: whoever stored an event first hands it on.
    expect((await again.store.listWave('check:first')).length).toBe(events.length);
    expect(await again.store.listWave('check:again')).toEqual([]);
    first.client.destroy();
    again.client.destroy();
  });

  it('stores a lone event with a plain conditional put, not a transaction of one', async () => {
    const { store, requests, client } = countedStore();
    const [event] = waveOf('check:lone', '2019-03-23T06:00:00Z');
    if (event === undefined) throw new Error('no events');
    expect(await store.putIfAbsent(event)).toBe(true);
    expect(await store.putIfAbsent(event)).toBe(false);
    expect(requests.byOperation()).toEqual({ PutItemCommand: 2 });
    client.destroy();
  });

  it('returns only the new ones among events stored before, and stores an event given twice once', async () => {
    const { store, client } = countedStore();
    const [known, ...rest] = waveOf('check:mixed-first', '2019-12-23T06:00:00Z');
    if (known === undefined) throw new Error('no events');
    expect(await store.putManyIfAbsent([known])).toEqual([known]);
    const mixed = [known, ...rest, ...rest.slice(0, 3)].map((event) => ({ ...event, waveId: 'check:mixed' }));
    const stored = await store.putManyIfAbsent(mixed);
    expect(stored.map(({ id }) => id)).toEqual(rest.map(({ id }) => id));
    expect((await store.getMany([known.id]))[0]).toMatchObject({ id: known.id });
    client.destroy();
  });
});
