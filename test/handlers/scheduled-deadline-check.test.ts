import { readFileSync } from 'node:fs';
import type { ScheduledEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlertEventStore } from '../../lambdas/core/ports/stores.ts';
import { seedReferenceData } from '../../lambdas/core/reference/seed-reference-data.ts';
import { handlerFor } from '../../lambdas/handlers/scheduled-deadline-check.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { scheduledEvent } from '../../local/local-schedule.ts';
import { testDependencies } from '../support/test-dependencies.ts';
import { createTestTable } from '../support/test-table.ts';

let handler: ReturnType<typeof handlerFor>;
let alerts: AlertEventStore;
let metricsFile: string;
beforeAll(async () => {
  const deps = testDependencies(await createTestTable());
  await seedReferenceData(deps);
  alerts = deps.alertEvents;
  metricsFile = deps.metricsFile;
  handler = handlerFor(deps);
});

const invoke = (event: ScheduledEvent) => handler(event, localLambdaContext('scheduled-deadline-check', 60_000));

describe('the scheduled deadline check (EventBridge)', () => {
  it("checks as of the event's time: a replayed event replays that day, once", async () => {
    const first = await invoke(scheduledEvent(new Date('2019-03-23T06:00:00Z')));
    const replayed = await invoke(scheduledEvent(new Date('2019-03-23T06:00:00Z')));

    expect(first).toMatchObject({ emitted: 193, alreadyStored: 0 });
    expect(replayed).toMatchObject({ emitted: 0, alreadyStored: 0 });
    const stored = await alerts.list({ type: 'report.overdue', limit: 1000 });
    expect(stored.events).toHaveLength(193);
    expect(new Set(stored.events.map((event) => event.at))).toEqual(new Set(['2019-03-23T06:00:00.000Z']));

    // Its metrics: the alerts it stored by type, how long each run took, and one completed run each.
    const documents = readFileSync(metricsFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const sum = (name: string, type?: string) =>
      documents
        .filter((document) => name in document && (type === undefined || document['type'] === type))
        .reduce((total, document) => total + Number(document[name]), 0);
    expect(sum('AlertsEmitted', 'report.overdue')).toBe(193);
    expect(sum('ScheduledChecksCompleted')).toBe(2);
    expect(documents.filter((document) => 'CheckDuration' in document)).toHaveLength(2);
  });

  it('fails an event without a usable time, so EventBridge retries it and then dead-letters it, and checks nothing', async () => {
    const malformed = { ...scheduledEvent(new Date('2020-03-23T06:00:00Z')), time: 'tomorrow' };

    const completedBefore = readFileSync(metricsFile, 'utf8').split('ScheduledChecksCompleted').length;
    await expect(invoke(malformed)).rejects.toThrow(/no valid "time"/);
    // A failed run is not a completed one: the missed-check alarm keeps waiting for one.
    expect(readFileSync(metricsFile, 'utf8').split('ScheduledChecksCompleted')).toHaveLength(completedBefore);
    const finalReport = await alerts.list({ type: 'report.overdue', since: '2020-03-23', limit: 10 });
    expect(finalReport.events).toEqual([]);
  });
});
