import {
  ChangeMessageVisibilityCommand,
  type ChangeMessageVisibilityCommandInput,
  type ChangeMessageVisibilityCommandOutput,
  SendMessageCommand,
  type SendMessageCommandInput,
  type SendMessageCommandOutput,
  SQSClient,
} from '@aws-sdk/client-sqs';

/** The SQS calls a sender makes off its usual path: backing a throttled job off, parking a failed one. */
export interface SqsCalls {
  sendMessage(input: SendMessageCommandInput): Promise<SendMessageCommandOutput>;
  changeMessageVisibility(input: ChangeMessageVisibilityCommandInput): Promise<ChangeMessageVisibilityCommandOutput>;
}

/**
 * Those calls through a client (a new one by default). The senders load this module as a side
 * module (lib/side-modules.ts), so their cold start does not pay for SQS.
 */
export const sqsCalls = (client: SQSClient = new SQSClient({})): SqsCalls => ({
  sendMessage: (input) => client.send(new SendMessageCommand(input)),
  changeMessageVisibility: (input) => client.send(new ChangeMessageVisibilityCommand(input)),
});
