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
beforeAll(async () => {
  const deps = testDependencies(await createTestTable());
  await seedReferenceData(deps);
  alerts = deps.alertEvents;
  handler = handlerFor(deps);
});

const invoke = (event: ScheduledEvent) => handler(event, localLambdaContext('scheduled-deadline-check'));

describe('the scheduled deadline check (EventBridge)', () => {
  it("checks as of the event's time: a replayed event replays that day, once", async () => {
    const first = await invoke(scheduledEvent(new Date('2019-03-23T06:00:00Z')));
    const replayed = await invoke(scheduledEvent(new Date('2019-03-23T06:00:00Z')));

    expect(first).toMatchObject({ emitted: 193, alreadyStored: 0 });
    expect(replayed).toMatchObject({ emitted: 0, alreadyStored: 0 });
    const stored = await alerts.list({ type: 'report.overdue', limit: 1000 });
    expect(stored.events).toHaveLength(193);
    expect(new Set(stored.events.map((event) => event.at))).toEqual(new Set(['2019-03-23T06:00:00.000Z']));
  });

  it('fails an event without a usable time, so EventBridge retries it and then dead-letters it, and checks nothing', async () => {
    const malformed = { ...scheduledEvent(new Date('2020-03-23T06:00:00Z')), time: 'tomorrow' };

    await expect(invoke(malformed)).rejects.toThrow(/no valid "time"/);
    const finalReport = await alerts.list({ type: 'report.overdue', since: '2020-03-23', limit: 10 });
    expect(finalReport.events).toEqual([]);
  });
});
