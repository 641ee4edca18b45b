import type { OutgoingMessage } from '../ports/notifier.ts';
import { contactOf, destinationOf, type Watch } from '../watches/watch.ts';
import { toGsm7 } from './gsm7.ts';
import { toAscii } from './transliterate.ts';

const describeTarget = ({ target }: Watch): string =>
  target.all ? 'all member states' : [...(target.states ?? []), ...(target.groups ?? [])].join(', ');

/**
 * What `POST /watches/{id}/test` sends: proof that the address receives, naming the watch. An
 * email carries `unsubscribeUrl`, the contact's one-click link, as every mail does.
 */
export const testMessage = (watch: Watch, manageUrl: string, at: string, unsubscribeUrl?: string): OutgoingMessage => {
  const name = watch.name ?? watch.id;
  const { channel, to } = destinationOf(watch.channel);
  const base = { contact: contactOf(watch), channel, to, eventIds: [], dedupKey: `test:${watch.id}:${at}` };
  // A name of up to 100 characters is cut to keep the text in one segment.
  const shortName = name.length > 60 ? `${name.slice(0, 57)}...` : name;
  if (channel === 'sms')
    return { ...base, sms: toGsm7(`sanctions-watch test for "${shortName}": alerts reach this number.`) };
  return {
    ...base,
    email: {
      subject: toAscii(`sanctions-watch test: ${name}`).replace(/\s+/g, ' ').slice(0, 100),
      body: [
        `This is a test of your sanctions-watch watch "${name}", sent at ${at}.`,
        '',
        `It covers ${describeTarget(watch)} for: ${watch.events.join(', ')}.`,
        'Alerts for it will reach this address as this message did.',
        '',
        '--',
        `To change or stop this watch: ${manageUrl}`,
        ...(unsubscribeUrl ? [`To stop all sanctions-watch email to this address: ${unsubscribeUrl}`] : []),
      ].join('\n'),
    },
    ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
  };
};
