import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessageSender } from '../../lambdas/core/ports/message-sender.ts';
import { withInjectedFaults } from '../../local/outbox/injected-faults.ts';
import { emailMessage } from '../support/outgoing-messages.ts';

afterEach(() => vi.restoreAllMocks());

/** A provider whose sends finish in the order they are released, so several are in flight at once. */
const slowProvider = () => {
  const pending: (() => void)[] = [];
  const sender: MessageSender = {
    send: () => new Promise((done) => pending.push(() => done({ messageId: `m-${pending.length}` }))),
  };
  return { sender, releaseAll: () => pending.splice(0).forEach((release) => release()) };
};

describe('injected faults', () => {
  it('crash-after:1 kills the process once the first send returns, though a batch sends three at once', async () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const provider = slowProvider();
    const faulty = withInjectedFaults(provider.sender, 'crash-after:1');

    const sends = [faulty.send(emailMessage), faulty.send(emailMessage), faulty.send(emailMessage)];
    await new Promise((tick) => setImmediate(tick));
    provider.releaseAll();
    await Promise.all(sends);

    expect(kill.mock.calls).toEqual([[process.pid, 'SIGKILL']]);
  });

  it('throttle:2 refuses exactly the first two sends as throttling', async () => {
    const faulty = withInjectedFaults({ send: async () => ({ messageId: 'ok' }) }, 'throttle:2');
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => faulty.send(emailMessage)));
    expect(outcomes.map(({ status }) => status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });
});
