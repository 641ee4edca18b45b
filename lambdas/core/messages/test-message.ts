import type { OutgoingMessage } from '../ports/notifier.ts';
import { contactOf, destinationOf, type Watch } from '../watches/watch.ts';

const describeTarget = ({ target }: Watch): string =>
  target.all ? 'all member states' : [...(target.states ?? []), ...(target.groups ?? [])].join(', ');

/**
 * What `POST /watches/{id}/test` sends: proof that the address receives. It carries no word the
 * caller wrote (not the watch's name), so nobody can use a test to put text before a stranger;
 * what it names comes from the service's own lists. An email carries `unsubscribeUrl`, the
 * contact's one-click link, as every mail does.
 */
export const testMessage = (watch: Watch, manageUrl: string, at: string, unsubscribeUrl?: string): OutgoingMessage => {
  const { channel, to } = destinationOf(watch.channel);
  const base = { contact: contactOf(watch), channel, to, eventIds: [], dedupKey: `test:${watch.id}:${at}` };
  if (channel === 'sms') return { ...base, sms: 'sanctions-watch test: alerts you asked for will reach this number.' };
  return {
    ...base,
    email: {
      subject: 'sanctions-watch test message',
      body: [
        `This is a test of a sanctions-watch watch on this address, sent at ${at}.`,
        '',
        `It covers ${describeTarget(watch)} for: ${watch.events.join(', ')}.`,
        'Alerts for it will reach this address as this message did.',
        '',
        '--',
        `To change or stop this watch: ${manageUrl}`,
        ...(unsubscribeUrl
          ? [`To stop all sanctions-watch email to this address and erase it: ${unsubscribeUrl}`]
          : []),
      ].join('\n'),
    },
    ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
  };
};
