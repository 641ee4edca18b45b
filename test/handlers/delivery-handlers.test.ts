import { beforeAll, describe, expect, it } from 'vitest';
import { handlerFor as scheduledDelivery } from '../../lambdas/handlers/scheduled-delivery.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { scheduledEvent } from '../../local/local-schedule.ts';
import { testDependencies } from '../support/test-dependencies.ts';
import { createTestTable } from '../support/test-table.ts';
import { watch } from '../support/watch-fixtures.ts';

let deps: ReturnType<typeof testDependencies>;
let scheduled: ReturnType<typeof scheduledDelivery>;

beforeAll(async () => {
  deps = testDependencies(await createTestTable());
  const at = '2019-03-01T00:00:00.000Z';
  await deps.contacts.put({
    id: 'email:ana@example.org',
    channel: 'email',
    to: 'ana@example.org',
    state: 'confirmed',
    requestedAt: at,
    updatedAt: at,
  });
  await deps.watches.create(watch({ id: 'w-ru', events: ['figure.changed'] }), 100);
  scheduled = scheduledDelivery(deps);
});

describe('the hourly delivery job', () => {
  it("runs as of the schedule's time and says what it did", async () => {
    const outcome = await scheduled(
      scheduledEvent(new Date('2019-03-30T08:00:00Z')),
      localLambdaContext('scheduled-delivery'),
    );
    expect(outcome).toEqual({
      at: '2019-03-30T08:00:00.000Z',
      repeats: 0,
      digests: 0,
    });
  });

  it('refuses an event without a usable time rather than delivering as of another', async () => {
    const event = { ...scheduledEvent(new Date()), time: 'yesterday' };
    await expect(scheduled(event, localLambdaContext('scheduled-delivery'))).rejects.toThrow(/no valid "time"/);
  });
});
