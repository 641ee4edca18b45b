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

/** SES v2 through a client (a new one by default): the one module that loads the SES SDK. */
export const sesCalls = (client: SESv2Client = new SESv2Client({})): SesCalls => ({
  sendEmail: (input) => client.send(new SendEmailCommand(input)),
});
