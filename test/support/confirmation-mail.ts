import { confirmationLinkIn, readOutbox } from '../../local/outbox/outbox-sender.ts';

/** The link in the newest confirmation mail to `to`, as its reader would find it. */
export const confirmationLinkTo = (outboxFile: string, to: string): string => {
  const mail = readOutbox(outboxFile)
    .filter((entry) => entry.to === to && entry.kind === 'confirmation')
    .at(-1);
  const link = confirmationLinkIn(mail?.text ?? '');
  if (link === undefined) throw new Error(`no confirmation mail to ${to} in ${outboxFile}`);
  return link;
};

/** Presses Confirm on the page of the newest confirmation mail to `to`: what its reader does to say yes. */
export const confirmByMail = (outboxFile: string, to: string): Promise<Response> =>
  fetch(confirmationLinkTo(outboxFile, to), { method: 'POST' });
