import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableStores } from '../../lambdas/adapters/dynamodb/table-stores.ts';
import { type EmfDocument, EmfMetrics } from '../../lambdas/adapters/emf-metrics.ts';
import { DEFAULT_SEND_BUDGETS } from '../../lambdas/core/budgets/send-budgets.ts';
import type { Contact } from '../../lambdas/core/contacts/contact.ts';
import type { DeliveryFailure } from '../../lambdas/core/delivery/delivery-records.ts';
import type { MessageSender } from '../../lambdas/core/ports/message-sender.ts';
import { contactOf, destinationOf, type Watch } from '../../lambdas/core/watches/watch.ts';
import { createOutboxSender, type OutboxEntry, readOutbox } from '../../local/outbox/outbox-sender.ts';
import { createTestTable } from './test-table.ts';

/**
 * The delivery side on a fresh DynamoDB Local table with every real adapter, the outbox sender
 * writing to a temporary file for both channels, and a clock the test moves. `senders` can be
 * swapped per test to make sends fail.
 */
export const startDeliveryHarness = async () => {
  const { documentClient: client, tableName } = await createTestTable();
  const outboxFile = join(mkdtempSync(join(tmpdir(), 'sanctions-watch-delivery-')), 'outbox.jsonl');
  let now = new Date('2019-03-23T06:00:00Z');
  const outbox: MessageSender = createOutboxSender({
    file: outboxFile,
    now: () => now,
    print: () => undefined,
    optedOutPhones: ['+15550100999'],
  });
  const parked: DeliveryFailure[] = [];
  /** The embedded metric format documents the functions would have logged. */
  const metrics: EmfDocument[] = [];
  const deps = {
    ...tableStores(client, tableName),
    clock: { now: () => now },
    dailyCaps: { email: 50, sms: 10 },
    sendBudgets: DEFAULT_SEND_BUDGETS,
    senders: { email: outbox, sms: outbox },
    failures: { park: async (failure: DeliveryFailure) => void parked.push(failure) },
    manageUrl: 'http://localhost:3000/watches',
    unsubscribeUrl: async (contact: string) => `https://localhost/unsubscribe?c=${encodeURIComponent(contact)}&s=test`,
    subscriberManageUrl: async (contact: string) =>
      `https://localhost/manage?token=${Buffer.from(contact).toString('base64url')}.test`,
    retry: { attempts: 3, baseDelayMs: 1, sleep: async () => undefined },
    serviceMetrics: new EmfMetrics(
      (document) => void metrics.push(document),
      () => now.getTime(),
    ),
  };
  /** Stores the watch with its address already confirmed for its owner (unless told otherwise), as after the confirmation flow. */
  const addWatch = async (watch: Watch, state: Contact['state'] = 'confirmed'): Promise<Watch> => {
    await deps.watches.create(watch, 100);
    const id = contactOf(watch);
    const stamp = { requestedAt: now.toISOString(), updatedAt: now.toISOString() };
    if (!(await deps.contacts.get(id)))
      await deps.contacts.put({ id, ...destinationOf(watch.channel), state, ...stamp });
    if (state === 'confirmed' && !(await deps.consents.get({ contact: id, owner: watch.owner })))
      await deps.consents.put({ contact: id, owner: watch.owner, state: 'confirmed', ...stamp });
    return watch;
  };
  /** What the outbox holds, confirmation requests left out. */
  const sent = (): OutboxEntry[] => readOutbox(outboxFile).filter((entry) => entry.kind !== 'confirmation');
  return {
    deps,
    outbox,
    outboxFile,
    parked,
    metrics,
    addWatch,
    sent,
    setNow: (instant: string) => {
      now = new Date(instant);
    },
  };
};
