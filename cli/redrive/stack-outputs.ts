import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { DELIVERY_FAILURES_OUTPUT, deliveryQueueOutputs } from '../../lambdas/contracts/delivery-queues.ts';
import { type StreamConsumerName, streamConsumerOutputs } from '../../lambdas/contracts/streams.ts';
import type { FilterPattern } from '../../local/event-filter.ts';
import type { QueueAddresses } from '../../local/queues/queue-addresses.ts';
import { UsageError } from '../usage-error.ts';
import type { DeployedStreamConsumer } from './deployed-stream-redrive.ts';

/** `cdk deploy --outputs-file FILE`: each stack's outputs by their ids. */
const outputsFileSchema = z.record(z.string(), z.record(z.string(), z.string()));

/** The region of an SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>). */
const regionOf = (queueUrl: string): string => {
  const region = /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\//.exec(queueUrl)?.[1];
  if (region === undefined) throw new UsageError(`cannot tell the region of the queue URL ${queueUrl}`);
  return region;
};

/** One stack's outputs from the file `cdk deploy --outputs-file` wrote, as a reader that names a missing one. */
const stackOutputs = (file: string, stackName?: string): ((key: string) => string) => {
  const parsed = outputsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new UsageError(`${file} is not a file written by cdk deploy --outputs-file`);
  const stacks = Object.keys(parsed.data);
  const name = stackName ?? (stacks.length === 1 ? stacks[0] : undefined);
  const outputs = name === undefined ? undefined : parsed.data[name];
  if (outputs === undefined)
    throw new UsageError(`name the stack with --stack: ${file} holds ${stacks.join(', ') || 'no stack'}`);
  return (key: string): string => {
    const value = outputs[key];
    if (value === undefined)
      throw new UsageError(`the stack ${name ?? ''} has no output ${key}: deploy this version first`);
    return value;
  };
};

/** The queues of a deployed stack, from the outputs file `cdk deploy --outputs-file` wrote. */
export const queueAddressesFromOutputs = (file: string, stackName?: string): QueueAddresses => {
  const output = stackOutputs(file, stackName);
  const pair = (names: { readonly queue: string; readonly deadLetters: string }) => ({
    url: output(names.queue),
    dlqUrl: output(names.deadLetters),
  });
  const failures = output(DELIVERY_FAILURES_OUTPUT);
  return {
    region: regionOf(failures),
    queues: {
      waves: pair(deliveryQueueOutputs.waves),
      shards: pair(deliveryQueueOutputs.shards),
      email: pair(deliveryQueueOutputs.email),
      sms: pair(deliveryQueueOutputs.sms),
    },
    failures,
  };
};

/** A deployed stack's table-stream consumers: each one's on-failure queue, function and filters. */
export const streamConsumersFromOutputs = (file: string, stackName?: string): DeployedStreamConsumer[] => {
  const output = stackOutputs(file, stackName);
  return (
    Object.entries(streamConsumerOutputs) as [StreamConsumerName, (typeof streamConsumerOutputs)[StreamConsumerName]][]
  ).map(([name, outputs]) => ({
    name,
    failuresUrl: output(outputs.failures),
    functionName: output(outputs.functionName),
    filterPatterns: outputs.filterPatterns as readonly FilterPattern[],
  }));
};
