/**
 * What the service sends to ask an address for its consent. Neither carries a word the requester
 * wrote: a stranger who names someone else's address cannot put text in front of them.
 */

/** The text that carries an SMS opt-in code: GSM-7 only, well inside one segment. */
export const verificationCodeSms = (code: string, validMinutes: number): string =>
  `sanctions-watch code: ${code}. Enter it to get alerts on this number. It expires in ${validMinutes} minutes. Not you? Ignore this text.`;

/** The mail that carries an email opt-in link. */
export const confirmationEmail = (
  link: string,
  validDays: number,
): { readonly subject: string; readonly body: string } => ({
  subject: 'Confirm your sanctions-watch alerts',
  body: [
    'Someone asked sanctions-watch to send alerts about UN sanctions reporting deadlines to this address.',
    '',
    `To start them, open this link within ${validDays} days and press Confirm:`,
    link,
    '',
    'If this was not you, ignore this message: nothing more will be sent unless the link is used.',
  ].join('\n'),
});
