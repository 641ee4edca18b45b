import {
  SESv2Client,
  SendEmailCommand,
  type SendEmailCommandInput,
  type SendEmailCommandOutput,
} from '@aws-sdk/client-sesv2';

/** The one SES v2 call this service makes. */
export interface SesCalls {
  sendEmail(input: SendEmailCommandInput): Promise<SendEmailCommandOutput>;
}

/**
 * SES v2 through a client (a new one by default). The only module that loads the SES SDK: a
 * function that sends email only now and then loads it as a side module (lib/side-modules.ts).
 */
export const sesCalls = (client: SESv2Client = new SESv2Client({})): SesCalls => ({
  sendEmail: (input) => client.send(new SendEmailCommand(input)),
});
