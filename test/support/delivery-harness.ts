import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableStores } from '../../lambdas/adapters/dynamodb/table-stores.ts';
import type { Contact } from '../../lambdas/core/contacts/contact.ts';
import type { DeliveryFailure } from '../../lambdas/core/delivery/delivery-records.ts';
import type { Notifier } from '../../lambdas/core/ports/notifier.ts';
import { contactOf, destinationOf, type Watch } from '../../lambdas/core/watches/watch.ts';
import { createOutboxNotifier, type OutboxEntry, readOutbox } from '../../local/outbox/outbox-sender.ts';
import { createTestTable } from './test-table.ts';

/**
 * The delivery side on a fresh DynamoDB Local table with every real adapter, the outbox notifier
 * writing to a temporary file, and a clock the test moves. `notifier` can be swapped per test to
 * make sends fail.
 */
export const startDeliveryHarness = async () => {
  const { documentClient: client, tableName } = await createTestTable();
  const outboxFile = join(mkdtempSync(join(tmpdir(), 'sanctions-watch-delivery-')), 'outbox.jsonl');
  let now = new Date('2019-03-23T06:00:00Z');
  const outbox = createOutboxNotifier({
    file: outboxFile,
    now: () => now,
    confirmationBaseUrl: 'http://localhost:3000',
    print: () => undefined,
    optedOutPhones: ['+15550100999'],
  });
  const parked: DeliveryFailure[] = [];
  const deps = {
    ...tableStores(client, tableName),
    clock: { now: () => now },
    dailyCaps: { email: 50, sms: 10 },
    notifier: outbox as Notifier,
    failures: { park: async (failure: DeliveryFailure) => void parked.push(failure) },
    manageUrl: 'http://localhost:3000/watches',
    retry: { attempts: 3, baseDelayMs: 1, sleep: async () => undefined },
  };
  /** Stores the watch with its address already confirmed (unless told otherwise), as after the confirmation flow. */
  const addWatch = async (watch: Watch, state: Contact['state'] = 'confirmed'): Promise<Watch> => {
    await deps.watches.create(watch, 100);
    const id = contactOf(watch);
    if (!(await deps.contacts.get(id))) {
      const { channel, to } = destinationOf(watch.channel);
      const address = channel === 'email' ? await outbox.subscribeEmail(to) : undefined;
      await deps.contacts.put({
        id,
        channel,
        to,
        state,
        ...(address ? { address } : {}),
        requestedAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
    }
    return watch;
  };
  /** What the outbox holds, confirmation requests left out. */
  const sent = (): OutboxEntry[] =>
    readOutbox(outboxFile).filter((entry) => entry.eventIds.length > 0 || !entry.subject?.startsWith('Confirm'));
  return {
    deps,
    outbox,
    parked,
    addWatch,
    sent,
    setNow: (instant: string) => {
      now = new Date(instant);
    },
  };
};
