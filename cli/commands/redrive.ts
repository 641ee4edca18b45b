import { resolve } from 'node:path';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { localClientConfig } from '../../local/local-credentials.ts';
import {
  defaultDataDirectory,
  localQueueAddressesFile,
  type QueueAddresses,
  readQueueAddresses,
} from '../../local/queues/queue-addresses.ts';
import { readStreamAddresses, type StreamAddresses } from '../../local/stream-addresses.ts';
import { list } from '../arg-values.ts';
import { type CommandOutput, defineCommand, type ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';
import { formatTable } from '../format-table.ts';
import { redriveDeployedStreams } from '../redrive/deployed-stream-redrive.ts';
import { type RedriveSource, redrive, redriveSources } from '../redrive/redrive.ts';
import { queueAddressesFromOutputs, streamConsumersFromOutputs } from '../redrive/stack-outputs.ts';
import { UsageError } from '../usage-error.ts';

export interface RedriveOptions {
  readonly dryRun: boolean;
  readonly sources: readonly RedriveSource[];
  /** Also replay the table-stream consumers' failed batches (`--queue streams`). */
  readonly streams: boolean;
  /**
   * Where the queues are: a deployed stack's outputs file, or the local SQS's addresses file (and
   * the local stream consumers' addresses, for `streams`).
   */
  readonly where:
    | { readonly kind: 'outputs'; readonly file: string; readonly stack?: string }
    | { readonly kind: 'local'; readonly file: string; readonly streamsFile: string };
}

/** The project root, under which `npm start` keeps its data by default, wherever the CLI is run from. */
const projectRoot = resolve(import.meta.dirname, '..', '..');

const usage = `usage: sanctions-watch redrive [--dry-run] [--queue NAME]... [--outputs FILE [--stack NAME] | --queues FILE [--streams FILE]]
  Once the cause is fixed: puts the delivery jobs parked in the delivery-failures queue back on their
  channel's queue, and the messages of each delivery queue's dead-letter queue back on that queue;
  prints how many went where. A failure parked without its job (the hourly job's) stays.
  With --queue streams: replays each batch the table stream's consumers gave up on through the consumer
  again (in AWS: read back from the stream, within its 24 hours, and invoked); what fails again stays.
  --dry-run   move nothing: receive, count what would move where, and leave every message in place
  --queue     only these: failures, waves, shards, email, sms (repeat or comma-separate; default all of
              these), and streams (only when named)
  --outputs   a deployed stack: the file \`cdk deploy --outputs-file FILE\` wrote (AWS credentials as the SDK finds them)
  --stack     the stack in that file, when it holds several
  --queues    the local SQS's addresses (default .local/dynamodb-queues.json, which npm start writes beside
              its data; DIR-queues.json for npm start -- --data DIR)
  --streams   the local stream consumers' addresses (default: beside the queues' file, DIR-streams.json)`;

/** Named with --queue, never in the default: its replay runs the consumers here, and only locally. */
const STREAMS = 'streams';

const isSource = (name: string): name is RedriveSource => (redriveSources as readonly string[]).includes(name);

/** `npm start` writes both beside its data directory: DIR-queues.json and DIR-streams.json. */
const streamsFileBeside = (queuesFile: string): string => queuesFile.replace(/-queues\.json$/, '-streams.json');

export const parseRedriveArgs = (args: readonly string[]): ParsedArgs<RedriveOptions> => {
  const { values, positionals } = parseCommandArgs(args, {
    'dry-run': { type: 'boolean', default: false },
    queue: { type: 'string', multiple: true },
    outputs: { type: 'string' },
    stack: { type: 'string' },
    queues: { type: 'string' },
    streams: { type: 'string' },
  });
  exactPositionals(positionals, []);
  const queuesFile = values.queues ?? localQueueAddressesFile(defaultDataDirectory(projectRoot));
  const named = list('queue', values.queue);
  const unknown = named?.find((name) => !isSource(name) && name !== STREAMS);
  if (unknown !== undefined)
    throw new UsageError(`--queue must be one of ${[...redriveSources, STREAMS].join(', ')}, got "${unknown}"`);
  const streams = named?.includes(STREAMS) ?? false;
  if (values.streams !== undefined && values.outputs !== undefined)
    throw new UsageError('--streams (the local stream consumers) and --outputs (a deployed stack) do not go together');
  if (values.outputs !== undefined && values.queues !== undefined)
    throw new UsageError('--outputs (a deployed stack) and --queues (the local SQS) do not go together');
  if (values.stack !== undefined && values.outputs === undefined) throw new UsageError('--stack needs --outputs');
  return {
    common: commonOf(values),
    options: {
      dryRun: values['dry-run'],
      sources: named === undefined ? redriveSources : redriveSources.filter((source) => named.includes(source)),
      streams,
      where:
        values.outputs === undefined
          ? {
              kind: 'local',
              file: resolve(queuesFile),
              streamsFile: resolve(values.streams ?? streamsFileBeside(queuesFile)),
            }
          : {
              kind: 'outputs',
              file: resolve(values.outputs),
              ...(values.stack === undefined ? {} : { stack: values.stack }),
            },
    },
  };
};

const addressesOf = (where: RedriveOptions['where']): QueueAddresses => {
  if (where.kind === 'outputs') return queueAddressesFromOutputs(where.file, where.stack);
  try {
    return readQueueAddresses(where.file);
  } catch (error) {
    throw new Error(
      `cannot read the local queues' addresses from ${where.file} (is npm start running?): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
};

/** In AWS: the stack's stream consumers, their batches read back from the stream and invoked again. */
const redriveDeployed = async (
  where: { readonly file: string; readonly stack?: string },
  region: string,
  dryRun: boolean,
) => {
  const consumers = streamConsumersFromOutputs(where.file, where.stack);
  const clients = {
    sqs: new SQSClient({ region }),
    streams: new DynamoDBStreamsClient({ region }),
    lambda: new LambdaClient({ region }),
  };
  try {
    return await redriveDeployedStreams(clients, consumers, { dryRun });
  } finally {
    for (const client of Object.values(clients)) client.destroy();
  }
};

const redriveStreams = async (file: string, queues: QueueAddresses, dryRun: boolean) => {
  let streams: StreamAddresses;
  try {
    streams = readStreamAddresses(file);
  } catch (error) {
    throw new Error(
      `cannot read the local stream consumers' addresses from ${file} (is npm start running?): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  // Loaded only when asked for: it brings the consumers' handlers, and their logger, along.
  const { redriveLocalStreams } = await import('../redrive/stream-redrive.ts');
  return redriveLocalStreams(streams, queues, { dryRun });
};

/** Moves parked jobs and dead letters back, and tabulates what went where. */
export const redriveCommand = async (options: RedriveOptions): Promise<CommandOutput> => {
  const addresses = addressesOf(options.where);
  const sqs = new SQSClient(
    addresses.endpoint === undefined
      ? { region: addresses.region }
      : { ...localClientConfig, region: addresses.region, endpoint: addresses.endpoint },
  );
  try {
    const rows = [
      ...(await redrive(sqs, addresses, options)),
      ...(!options.streams
        ? []
        : options.where.kind === 'local'
          ? await redriveStreams(options.where.streamsFile, addresses, options.dryRun)
          : await redriveDeployed(options.where, addresses.region, options.dryRun)),
    ];
    const moved = rows.filter(({ to }) => !to.startsWith('kept') && to !== '(empty)');
    const total = moved.reduce((sum, { count }) => sum + count, 0);
    const heading = options.dryRun
      ? `Dry run: ${total} ${total === 1 ? 'message' : 'messages'} would move; nothing moved.`
      : `Moved ${total} ${total === 1 ? 'message' : 'messages'}.`;
    const table = formatTable(
      ['FROM', 'TO', options.dryRun ? 'WOULD MOVE' : 'MOVED'],
      rows.map(({ from, to, count }) => [from, to, String(count)]),
      { alignRight: [2] },
    );
    return { json: { dryRun: options.dryRun, rows }, lines: [heading, '', ...table] };
  } finally {
    sqs.destroy();
  }
};

export const redriveCli = defineCommand({
  name: 'redrive',
  summary:
    'replay parked delivery jobs, dead-lettered queue messages and failed stream batches, once the cause is fixed',
  usage,
  access: 'offline',
  parse: parseRedriveArgs,
  run: redriveCommand,
});
