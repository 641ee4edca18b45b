import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import type { SqsCalls } from './sqs-calls.ts';

/** A deploy's migrations run handed on: the event to answer, and when the deploy's run began. */
export interface MigrationsContinuation {
  readonly event: CloudFormationCustomResourceEvent;
  readonly startedAt: string;
}

/** What `answerCustomResource` reads of the event; the rest is passed through as CloudFormation sent it. */
const cloudFormationEventSchema = z.looseObject({
  RequestType: z.enum(['Create', 'Update', 'Delete']),
  ResponseURL: z.string(),
  StackId: z.string(),
  RequestId: z.string(),
  LogicalResourceId: z.string(),
  PhysicalResourceId: z.optional(z.string()),
});

const continuationSchema = z.object({
  event: z.custom<CloudFormationCustomResourceEvent>((value) => cloudFormationEventSchema.safeParse(value).success),
  startedAt: z.iso.datetime(),
});

/** A continuation queue message's body read back. */
export const parseMigrationsContinuation = (body: string): MigrationsContinuation =>
  continuationSchema.parse(JSON.parse(body));

/** Sends a continuation to the migrations function's own queue. */
export const sqsMigrationsHandOn =
  (sqs: Pick<SqsCalls, 'sendMessage'>, queueUrl: string) =>
  async (continuation: MigrationsContinuation): Promise<void> => {
    await sqs.sendMessage({ QueueUrl: queueUrl, MessageBody: JSON.stringify(continuation) });
  };
