import { setTimeout as sleep } from 'node:timers/promises';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { sqsCalls } from '../../lambdas/adapters/sqs/sqs-calls.ts';
import { SqsMessageVisibility } from '../../lambdas/adapters/sqs/sqs-message-visibility.ts';
import type { QueueConsumerSettings, QueueDefinition } from '../../lambdas/contracts/queue-consumer.ts';
import { type LocalSqs, startLocalSqs } from '../../local/queues/local-sqs.ts';
import { type QueuePoller, type QueuePollerOptions, startQueuePoller } from '../../local/queues/queue-poller.ts';

/** Short timeouts so a message left alone comes back within a second. */
const settings: QueueConsumerSettings = {
  batchSize: 10,
  maxBatchingWindowSeconds: 0,
  maximumConcurrency: 2,
  visibilityTimeoutSeconds: 1,
  timeoutSeconds: 1,
  maxReceiveCount: 5,
  reportBatchItemFailures: true,
};

const running: { readonly sqs: LocalSqs; readonly pollers: QueuePoller[] }[] = [];

afterEach(async () => {
  for (const { sqs, pollers } of running.splice(0)) {
    await Promise.all(pollers.map((poller) => poller.stop()));
    await sqs.stop();
  }
});

/** A local SQS holding one queue, `jobs`, with the given settings. */
const startQueue = async (
  overrides: Partial<QueueConsumerSettings> = {},
  definition: Partial<QueueDefinition> = {},
) => {
  const jobs: QueueDefinition = { name: 'jobs', settings: { ...settings, ...overrides }, ...definition };
  const sqs = await startLocalSqs({ queues: [jobs] });
  const pollers: QueuePoller[] = [];
  running.push({ sqs, pollers });
  const queueUrl = sqs.queueUrl('jobs');
  return {
    sqs,
    queueUrl,
    send: (...bodies: string[]) =>
      sqs.client.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })),
        }),
      ),
    /**
     * Short polling keeps each test's stop() from waiting out a long poll; the tests that exercise
     * Lambda's long polling pass `waitTimeSeconds: undefined` for the poller's own default.
     */
    poll: async (options: Pick<QueuePollerOptions, 'handler'> & Partial<QueuePollerOptions>) => {
      const poller = await startQueuePoller({
        client: sqs.client,
        queueUrl,
        settings: jobs.settings,
        waitTimeSeconds: 0,
        pollIntervalMs: 20,
        ...options,
      });
      pollers.push(poller);
      return poller;
    },
    counts: async () => {
      const { Attributes } = await sqs.client.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: [
            'ApproximateNumberOfMessages',
            'ApproximateNumberOfMessagesNotVisible',
            'ApproximateNumberOfMessagesDelayed',
          ],
        }),
      );
      return Attributes;
    },
  };
};

/** A handler that remembers every batch (as bodies) and answers with `respond`. */
const recordingHandler = (
  respond: (records: SQSRecord[], call: number) => SQSBatchResponse | undefined = () => undefined,
) => {
  const batches: string[][] = [];
  const events: SQSEvent[] = [];
  const contexts: Context[] = [];
  const handler = async (event: SQSEvent, context: Context) => {
    events.push(event);
    contexts.push(context);
    batches.push(event.Records.map((record) => record.body));
    return respond(event.Records, batches.length);
  };
  return { handler, batches, events, contexts };
};

const failedItem = (records: SQSRecord[], body: string) => ({
  itemIdentifier: records.find((record) => record.body === body)?.messageId ?? '',
});

const receiveCounts = (events: SQSEvent[]) =>
  events.flatMap((event) => event.Records.map((record) => [record.body, record.attributes.ApproximateReceiveCount]));

describe('the local queue poller', () => {
  it("invokes the function with Lambda's SQS event and deletes the batch it handled", async () => {
    const queue = await startQueue();
    await queue.sqs.client.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.queueUrl,
        Entries: [
          {
            Id: 'a',
            MessageBody: '{"job":"a"}',
            MessageAttributes: {
              channel: { DataType: 'String', StringValue: 'email' },
              digest: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) },
            },
          },
        ],
      }),
    );
    const { handler, events, contexts } = recordingHandler();

    const poller = await queue.poll({ handler, functionName: 'send-email', waitTimeSeconds: undefined });
    await poller.drain();

    expect(events).toHaveLength(1);
    expect(events[0]?.Records).toStrictEqual([
      {
        messageId: expect.any(String),
        receiptHandle: expect.any(String),
        body: '{"job":"a"}',
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: expect.stringMatching(/^\d+$/),
          SenderId: expect.any(String),
          ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
        },
        messageAttributes: {
          channel: { stringValue: 'email', stringListValues: [], binaryListValues: [], dataType: 'String' },
          digest: { binaryValue: 'AQID', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
        },
        md5OfBody: expect.stringMatching(/^[0-9a-f]{32}$/),
        md5OfMessageAttributes: expect.stringMatching(/^[0-9a-f]{32}$/),
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:jobs',
        awsRegion: 'local',
      },
    ]);
    expect(contexts[0]?.functionName).toBe('send-email');
    // The function's own timeout, counting down: a sender hands back unstarted jobs as it runs out.
    expect(contexts[0]?.getRemainingTimeInMillis()).toBeLessThanOrEqual(settings.timeoutSeconds * 1000);
    expect(await queue.counts()).toEqual({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      ApproximateNumberOfMessagesDelayed: '0',
    });
    // drain() stopped it.
    await expect(poller.idle()).rejects.toThrow('stopped');
  });

  it('deletes the messages of a batch the function did not name, and delivers the named one again after the visibility timeout', async () => {
    const queue = await startQueue();
    await queue.send('a', 'b', 'c');
    const { handler, batches, events } = recordingHandler((records, call) =>
      call === 1 ? { batchItemFailures: [failedItem(records, 'b')] } : undefined,
    );

    const poller = await queue.poll({ handler });
    await poller.idle();

    expect(batches.map((batch) => batch.toSorted())).toEqual([['a', 'b', 'c'], ['b']]);
    expect(receiveCounts(events.slice(1))).toEqual([['b', '2']]);
  });

  it('honours a visibility timeout the function changed on a receipt: a message handed back comes when it said, not after the queue’s', async () => {
    // Two minutes, longer than the test may run: the message can only come back through its changed visibility.
    const queue = await startQueue({ visibilityTimeoutSeconds: 120 });
    await queue.send('a', 'b');
    const visibility = new SqsMessageVisibility(sqsCalls(queue.sqs.client), queue.queueUrl);
    const { handler, batches, events } = recordingHandler((records, call) =>
      call === 1 ? { batchItemFailures: [failedItem(records, 'b')] } : undefined,
    );
    const backingOff = async (event: SQSEvent, context: Context) => {
      const b = event.Records.find(
        (record) => record.body === 'b' && record.attributes.ApproximateReceiveCount === '1',
      );
      if (b) await visibility.returnAfter(b.receiptHandle, 1);
      return handler(event, context);
    };

    const poller = await queue.poll({ handler: backingOff });
    await poller.idle();

    expect(batches.map((batch) => batch.toSorted())).toEqual([['a', 'b'], ['b']]);
    expect(receiveCounts(events.slice(1))).toEqual([['b', '2']]);
  });

  it('leaves the whole batch when the function throws, so every message is delivered again', async () => {
    const queue = await startQueue();
    await queue.send('a', 'b');
    const { handler, batches, events } = recordingHandler((_records, call) => {
      if (call === 1) throw new Error('provider down');
      return undefined;
    });

    const poller = await queue.poll({ handler });
    await poller.idle();

    expect(batches.map((batch) => batch.toSorted())).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(receiveCounts(events.slice(1)).map(([, count]) => count)).toEqual(['2', '2']);
  });

  it.each([
    ['a message id not in the batch', { batchItemFailures: [{ itemIdentifier: 'not-a-message-id' }] }],
    ['an empty item identifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a failure without an item identifier', { batchItemFailures: [{}] as SQSBatchResponse['batchItemFailures'] }],
  ])('treats %s as a failure of the whole batch', async (_case, response) => {
    const queue = await startQueue();
    await queue.send('a', 'b');
    const { handler, batches } = recordingHandler((_records, call) => (call === 1 ? response : undefined));

    const poller = await queue.poll({ handler });
    await poller.idle();

    expect(batches.map((batch) => batch.toSorted())).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('leaves the whole batch when the function runs past its timeout, even if it then succeeds', async () => {
    // A visibility timeout beyond the overrun: only the timeout, not SQS, can make the late success count for nothing.
    const queue = await startQueue({ visibilityTimeoutSeconds: 3 });
    await queue.send('slow');
    const { handler, events } = recordingHandler();
    let calls = 0;

    const poller = await queue.poll({
      handler: async (event, context) => {
        calls += 1;
        const response = handler(event, context);
        // The first run outlasts the function's timeout by a margin; later ones are quick.
        if (calls === 1) await sleep(settings.timeoutSeconds * 1000 + 300);
        return response;
      },
    });
    await poller.idle();

    expect(receiveCounts(events)).toEqual([
      ['slow', '1'],
      ['slow', '2'],
    ]);
  });

  it('moves a message that keeps failing to the dead-letter queue after maxReceiveCount receives', async () => {
    const queue = await startQueue({ maxReceiveCount: 2 });
    await queue.send('poison', 'fine');
    const { handler, batches } = recordingHandler((records) => ({
      batchItemFailures: [failedItem(records, 'poison')],
    }));

    const poller = await queue.poll({ handler });
    await poller.idle();

    expect(batches.flat().filter((body) => body === 'poison')).toHaveLength(2);
    expect(batches.flat().filter((body) => body === 'fine')).toHaveLength(1);
    const { Messages = [] } = await queue.sqs.client.send(
      new ReceiveMessageCommand({ QueueUrl: queue.sqs.dlqUrl('jobs'), MaxNumberOfMessages: 10 }),
    );
    expect(Messages.map((message) => message.Body)).toEqual(['poison']);
  });

  it('never runs more invocations at once than maximumConcurrency, and uses them all', async () => {
    const maximumConcurrency = 3;
    const queue = await startQueue({ batchSize: 1, maximumConcurrency });
    await queue.send(...Array.from({ length: 10 }, (_, index) => `job-${index}`));
    let active = 0;
    let mostActive = 0;
    const handled: string[] = [];

    const poller = await queue.poll({
      handler: async (event) => {
        active += 1;
        mostActive = Math.max(mostActive, active);
        // Long enough for the other pollers to receive their own message meanwhile.
        await sleep(100);
        handled.push(...event.Records.map((record) => record.body));
        active -= 1;
      },
    });
    await poller.idle();

    expect(handled.toSorted()).toEqual(Array.from({ length: 10 }, (_, index) => `job-${index}`).toSorted());
    expect(mostActive).toBe(maximumConcurrency);
  });

  it('gathers a batch larger than one receive returns within the batching window', async () => {
    // The window counts against the visibility timeout (AWS adds it to the six function timeouts it advises).
    const queue = await startQueue({ batchSize: 20, maxBatchingWindowSeconds: 1, visibilityTimeoutSeconds: 5 });
    const bodies = Array.from({ length: 25 }, (_, index) => `job-${index}`);
    await queue.send(...bodies.slice(0, 10));
    await queue.send(...bodies.slice(10, 20));
    await queue.send(...bodies.slice(20));
    const { handler, batches } = recordingHandler();

    const poller = await queue.poll({ handler });
    await poller.idle();

    expect(batches.flat().toSorted()).toEqual(bodies.toSorted());
    expect(Math.max(...batches.map((batch) => batch.length))).toBeGreaterThan(10);
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(20);
  });

  it("honours the queue's delay: a delayed message arrives after one sent later without delay", async () => {
    const queue = await startQueue({ delaySeconds: 1 });
    await queue.send('delayed');
    await queue.sqs.client.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.queueUrl,
        Entries: [{ Id: 'now', MessageBody: 'undelayed', DelaySeconds: 0 }],
      }),
    );
    const { handler, batches } = recordingHandler();

    const poller = await queue.poll({ handler });
    await poller.idle();

    expect(batches).toEqual([['undelayed'], ['delayed']]);
  });

  it('on stop(), waits for the invocation in flight and deletes its batch, then polls no more', async () => {
    const queue = await startQueue();
    await queue.send('in-flight');
    const order: string[] = [];
    const { promise: entered, resolve: enter } = Promise.withResolvers<undefined>();
    const { promise: released, resolve: release } = Promise.withResolvers<undefined>();
    const { handler, batches } = recordingHandler();

    const poller = await queue.poll({
      waitTimeSeconds: undefined,
      handler: async (event, context) => {
        enter(undefined);
        await released;
        order.push('handler finished');
        return handler(event, context);
      },
    });
    await entered;
    const stopped = poller.stop().then(() => order.push('stopped'));
    // Give a stop() that did not wait every chance to resolve first.
    await sleep(50);
    order.push('released');
    release(undefined);
    await stopped;
    await queue.send('after stop');
    await sleep(200);

    expect(order).toEqual(['released', 'handler finished', 'stopped']);
    expect(batches).toEqual([['in-flight']]);
    expect(await queue.counts()).toMatchObject({
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
    await expect(poller.idle()).rejects.toThrow('stopped');
  });

  it('delivers the messages of a FIFO group in the order they were sent', async () => {
    const queue = await startQueue({}, { fifo: true });
    const bodies = ['first', 'second', 'third'];
    await queue.sqs.client.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.queueUrl,
        Entries: bodies.map((body) => ({
          Id: body,
          MessageBody: body,
          MessageGroupId: 'wave',
          MessageDeduplicationId: body,
        })),
      }),
    );
    const { handler, batches, events } = recordingHandler();

    const poller = await queue.poll({ handler });
    await poller.idle();

    expect(batches.flat()).toEqual(bodies);
    expect(events[0]?.Records[0]?.attributes).toMatchObject({
      MessageGroupId: 'wave',
      MessageDeduplicationId: 'first',
      SequenceNumber: expect.stringMatching(/^\d+$/),
    });
  });

  it.each([
    [
      'a visibility timeout shorter than the function timeout',
      { visibilityTimeoutSeconds: 1, timeoutSeconds: 2 },
      'is less than Function timeout',
    ],
    ['a maximum concurrency of 1', { maximumConcurrency: 1 }, 'maximumConcurrency'],
    ['a batch above 10 without a batching window', { batchSize: 11 }, 'batching window of at least 1 second'],
  ])('refuses, as Lambda does, a mapping with %s', async (_case, overrides, reason) => {
    const queue = await startQueue(overrides);

    await expect(queue.poll({ handler: () => undefined })).rejects.toThrow(reason);
  });

  it('refuses a batching window on a FIFO queue', async () => {
    const sqs = await startLocalSqs({
      queues: [{ name: 'waves', fifo: true, settings: { ...settings, maxBatchingWindowSeconds: 1 } }],
    });
    running.push({ sqs, pollers: [] });

    await expect(
      startQueuePoller({
        client: sqs.client,
        queueUrl: sqs.queueUrl('waves'),
        settings: { ...settings, maxBatchingWindowSeconds: 1 },
        handler: () => undefined,
      }),
    ).rejects.toThrow('FIFO queues take no batching window');
  });
});
