import type { AddressInfo } from 'node:net';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { buildApp, startFauxqs } from 'fauxqs';
import type { QueueDefinition } from '../../lambdas/contracts/queue-consumer.ts';
import { localClientConfig } from '../local-credentials.ts';

export interface LocalSqs {
  /** Where SQS clients send their requests (`endpoint` in the SDK client's config). */
  readonly endpoint: string;
  /** A client on the endpoint, for the pollers and for tests; stopped with the server. */
  readonly client: SQSClient;
  /** The URL of a defined queue, by its definition's name, or of a plain queue, by its name. */
  queueUrl(name: string): string;
  /** The URL of that queue's dead-letter queue. */
  dlqUrl(name: string): string;
  stop(): Promise<void>;
}

interface CreatedQueue {
  readonly url: string;
  readonly dlqUrl: string;
}

/** FIFO queue names end in `.fifo`, their dead-letter queues' too (a FIFO queue's DLQ must be FIFO). */
const queueNames = ({ name, fifo = false }: QueueDefinition) => {
  const suffix = fifo ? '.fifo' : '';
  return { queue: `${name}${suffix}`, dlq: `${name}-dlq${suffix}` };
};

const createQueue = async (client: SQSClient, definition: QueueDefinition): Promise<CreatedQueue> => {
  const names = queueNames(definition);
  const fifo = definition.fifo === true ? { FifoQueue: 'true' } : {};
  const dlq = await client.send(new CreateQueueCommand({ QueueName: names.dlq, Attributes: fifo }));
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const { settings } = definition;
  const queue = await client.send(
    new CreateQueueCommand({
      QueueName: names.queue,
      Attributes: {
        ...fifo,
        VisibilityTimeout: String(settings.visibilityTimeoutSeconds),
        DelaySeconds: String(settings.delaySeconds ?? 0),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: Attributes?.QueueArn,
          maxReceiveCount: settings.maxReceiveCount,
        }),
      },
    }),
  );
  if (queue.QueueUrl === undefined || dlq.QueueUrl === undefined) throw new Error(`Queue ${names.queue} not created`);
  return { url: queue.QueueUrl, dlqUrl: dlq.QueueUrl };
};

/**
 * fauxqs on a port the system picks. In memory: only on loopback. Persisted: through startFauxqs,
 * the only entry that wires fauxqs's SQLite persistence, which listens on every interface (as
 * DynamoDB Local does); nothing in the queues is secret, and it lives only while `npm start` runs.
 */
const listen = async (options: {
  readonly port?: number;
  readonly dataDirectory?: string;
}): Promise<{ readonly port: number; close(): Promise<void> }> => {
  if (options.dataDirectory !== undefined) {
    const persisted = await startFauxqs({
      port: options.port ?? 0,
      logger: false,
      defaultRegion: localClientConfig.region,
      dataDir: options.dataDirectory,
    });
    return { port: persisted.port, close: async () => persisted.stop() };
  }
  const server = buildApp({ logger: false, defaultRegion: localClientConfig.region });
  // Listening on port 0 lets the system pick a free port with no window for another process to take it.
  await server.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => server.close() };
};

/**
 * SQS on this machine: the fauxqs emulator in this process, on loopback, with each defined queue
 * and its dead-letter queue created through the SQS API as the stack declares them (visibility
 * timeout, delay, and a redrive policy after maxReceiveCount receives). State lives in memory,
 * or on disk when given a data directory.
 */
export const startLocalSqs = async (options: {
  readonly queues: readonly QueueDefinition[];
  /** Queues no function consumes and none redrives from, such as the delivery-failures queue: created as they are. */
  readonly plainQueues?: readonly string[];
  /** The port to listen on; one the system picks when absent. */
  readonly port?: number;
  /** Where the queues and their messages are kept (SQLite), so a restart, or a crash, loses none; in memory when absent. */
  readonly dataDirectory?: string;
}): Promise<LocalSqs> => {
  const { port, close } = await listen(options);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new SQSClient({ endpoint, ...localClientConfig });
  const stop = async () => {
    client.destroy();
    await close();
  };
  const queues = new Map<string, CreatedQueue>();
  const plain = new Map<string, string>();
  try {
    for (const definition of options.queues) queues.set(definition.name, await createQueue(client, definition));
    for (const name of options.plainQueues ?? []) {
      const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name }));
      if (QueueUrl === undefined) throw new Error(`Queue ${name} not created`);
      plain.set(name, QueueUrl);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const created = (name: string): CreatedQueue => {
    const queue = queues.get(name);
    if (queue === undefined) throw new Error(`No local queue named ${name}`);
    return queue;
  };
  return {
    endpoint,
    client,
    queueUrl: (name) => plain.get(name) ?? created(name).url,
    dlqUrl: (name) => created(name).dlqUrl,
    stop,
  };
};
