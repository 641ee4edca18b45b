import { expect } from 'vitest';
import { confirmationLinkIn, readOutbox } from '../../local/outbox/outbox-sender.ts';
import type { startSeededTestApi } from './seeded-api.ts';

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

/** A watch as its owner reads it back. */
export interface ConfirmedWatch {
  readonly id: string;
  readonly status: string;
}

type SeededApi = Awaited<ReturnType<typeof startSeededTestApi>>;

/** An active email watch on the African states' overdue reports: created, then confirmed through the link of its mail. */
export const confirmedWatch = async (
  api: SeededApi,
  email: string,
  owner: 'user' | 'other' = 'user',
): Promise<ConfirmedWatch> => {
  const created = await api.send(
    'POST',
    '/watches',
    { target: { groups: ['africa'] }, events: ['report.overdue'], channel: { email } },
    owner,
  );
  expect(created.status).toBe(201);
  expect((await confirmByMail(api.outboxFile, email)).status).toBe(200);
  return created.json as ConfirmedWatch;
};

/** The watch's status as its owner reads it. */
export const watchStatus = async (api: SeededApi, watch: ConfirmedWatch): Promise<string> =>
  ((await api.request(`/watches/${watch.id}`, { as: 'user' })).json as ConfirmedWatch).status;
