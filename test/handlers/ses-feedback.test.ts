import type { SNSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../lambdas/core/contacts/contact.ts';
import type { ContactStore } from '../../lambdas/core/ports/stores.ts';
import { handlerFor } from '../../lambdas/handlers/ses-feedback.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { confirmedWatch, watchStatus } from '../support/confirmation-mail.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';
import { bounce, complaint } from '../support/ses-events.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

/** What SNS hands the function: one record per SES event, its text as the message. */
const snsEvent = (...messages: string[]): SNSEvent => ({
  Records: messages.map((Message, index) => ({
    EventVersion: '1.0',
    EventSource: 'aws:sns',
    EventSubscriptionArn: 'arn:aws:sns:eu-west-1:111122223333:email-feedback:sub',
    Sns: {
      Type: 'Notification',
      MessageId: `sns-${index}`,
      TopicArn: 'arn:aws:sns:eu-west-1:111122223333:email-feedback',
      Message,
      MessageAttributes: {},
      Timestamp: '2019-03-23T07:00:00.000Z',
      SignatureVersion: '1',
      Signature: 'sig',
      SigningCertUrl: 'https://sns.eu-west-1.amazonaws.com/cert.pem',
      UnsubscribeUrl: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe',
    },
  })),
});

const feedback = (...messages: string[]) =>
  handlerFor(api.deps)(snsEvent(...messages), localLambdaContext('ses-feedback'));

describe('SES feedback', () => {
  it("turns a permanently bounced address gone and stops its watches; the address's case does not matter", async () => {
    const watch = await confirmedWatch(api, 'max@example.org');

    await expect(feedback(bounce('Permanent', 'Max@Example.org'))).resolves.toEqual({ stopped: 1, skipped: 0 });

    expect(await api.deps.contacts.get('email:max@example.org')).toMatchObject({ state: 'gone' });
    expect(await watchStatus(api, watch)).toBe('unsubscribed');
  });

  it('turns a complaining address gone', async () => {
    const watch = await confirmedWatch(api, 'nora@example.org');

    await expect(feedback(complaint('abuse', 'nora@example.org'))).resolves.toEqual({ stopped: 1, skipped: 0 });

    expect(await watchStatus(api, watch)).toBe('unsubscribed');
  });

  it('leaves an address alone on a transient bounce or a not-spam report', async () => {
    const watch = await confirmedWatch(api, 'olga@example.org');

    await expect(
      feedback(bounce('Transient', 'olga@example.org'), complaint('not-spam', 'olga@example.org')),
    ).resolves.toEqual({ stopped: 0, skipped: 0 });

    expect(await api.deps.contacts.get('email:olga@example.org')).toMatchObject({ state: 'confirmed' });
    expect(await watchStatus(api, watch)).toBe('active');
  });

  it('skips records it cannot read and addresses it does not know, and applies the rest', async () => {
    const watch = await confirmedWatch(api, 'pia@example.org');

    await expect(
      feedback(
        'not json',
        JSON.stringify({ eventType: 'Bounce' }),
        bounce('Permanent', 'ghost@example.org', 'pia@example.org'),
      ),
    ).resolves.toEqual({ stopped: 1, skipped: 2 });

    expect(await watchStatus(api, watch)).toBe('unsubscribed');
    expect(await api.deps.contacts.get('email:ghost@example.org')).toBeUndefined();
  });

  it('finishes what an earlier run left half done: a gone contact whose watches still run', async () => {
    const watch = await confirmedWatch(api, 'quinn@example.org');
    const contact = await api.deps.contacts.get('email:quinn@example.org');
    if (!contact) throw new Error('no contact');
    await api.deps.contacts.put({ ...contact, state: 'gone', updatedAt: new Date().toISOString() }, contact);
    expect(await watchStatus(api, watch)).toBe('active');

    await feedback(bounce('Permanent', 'quinn@example.org'));

    expect(await watchStatus(api, watch)).toBe('unsubscribed');
  });

  /** The table's contacts, where another request changes the contact just before each of the first `races` writes. */
  const racingContacts = (races: number): ContactStore => {
    let left = races;
    const { contacts } = api.deps;
    return {
      get: (id) => contacts.get(id),
      getMany: (ids) => contacts.getMany(ids),
      remove: (contact) => contacts.remove(contact),
      erase: (id) => contacts.erase(id),
      suppress: (id, at) => contacts.suppress(id, at),
      unsuppress: (id) => contacts.unsuppress(id),
      isSuppressed: (id) => contacts.isSuppressed(id),
      put: async (contact: Contact, previous?: Contact) => {
        if (previous && left > 0) {
          left -= 1;
          const current = await contacts.get(contact.id);
          if (current)
            await contacts.put(
              { ...current, updatedAt: new Date(Date.parse(current.updatedAt) + 1).toISOString() },
              current,
            );
        }
        await contacts.put(contact, previous);
      },
    };
  };

  it('reads a contact changed meanwhile again, and still turns it gone', async () => {
    const watch = await confirmedWatch(api, 'rosa@example.org');

    await handlerFor({ ...api.deps, contacts: racingContacts(1) })(
      snsEvent(bounce('Permanent', 'rosa@example.org')),
      localLambdaContext('ses-feedback'),
    );

    expect(await api.deps.contacts.get('email:rosa@example.org')).toMatchObject({ state: 'gone' });
    expect(await watchStatus(api, watch)).toBe('unsubscribed');
  });

  it('fails the run, for Lambda to retry, when the contact keeps changing', async () => {
    const watch = await confirmedWatch(api, 'sven@example.org');

    await expect(
      handlerFor({ ...api.deps, contacts: racingContacts(3) })(
        snsEvent(complaint('abuse', 'sven@example.org')),
        localLambdaContext('ses-feedback'),
      ),
    ).rejects.toMatchObject({ kind: 'conflict' });

    expect(await watchStatus(api, watch)).toBe('active');
  });
});
