import { confirmationLinkIn, readOutbox } from '../outbox/outbox-sender.ts';
import type { ApiCall } from './local-api-client.ts';

/** The sample subscriber's two watches: the overdue African states by email, Russia's figures by SMS. */
export const sampleWatches = [
  {
    name: 'African states overdue',
    target: { groups: ['africa'] },
    events: ['report.overdue'],
    channel: { email: 'analyst@example.org' },
  },
  {
    name: "Russia's figures",
    target: { states: ['RU'] },
    events: ['figure.changed'],
    channel: { sms: '+447700900123' },
  },
] as const;

const lastMessageTo = (outboxFile: string, to: string): string => {
  const entry = readOutbox(outboxFile)
    .filter((candidate) => candidate.to === to)
    .at(-1);
  if (!entry) throw new Error(`no message to ${to} in ${outboxFile}`);
  return entry.text;
};

/**
 * Registers the sample watches through the API as the sample user and confirms them as their
 * owners would, locally only: presses Confirm on the confirmation mail's link and returns the
 * texted code, both read from the outbox. An earlier start's watches are kept as they are.
 */
export const ensureSampleWatches = async (call: ApiCall, outboxFile: string): Promise<number> => {
  const listed = (await call('GET', '/watches')) as { readonly count: number };
  if (listed.count > 0) return 0;
  for (const body of sampleWatches) {
    const watch = (await call('POST', '/watches', body)) as { readonly id: string; readonly status: string };
    if (watch.status === 'active') continue;
    if ('email' in body.channel) {
      const link = confirmationLinkIn(lastMessageTo(outboxFile, body.channel.email));
      if (!link || !(await fetch(link, { method: 'POST' })).ok)
        throw new Error(`could not confirm ${body.channel.email} through ${link ?? 'its link'}`);
    } else {
      const code = /\b(\d{6})\b/.exec(lastMessageTo(outboxFile, body.channel.sms))?.[1];
      await call('POST', `/watches/${watch.id}/verify`, { code });
    }
  }
  return sampleWatches.length;
};
