import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactPartition } from '../../lambdas/adapters/dynamodb/contact-key.ts';
import { eraseAddress } from '../../lambdas/core/contacts/erase-address.ts';
import { forgetAddress } from '../../lambdas/core/contacts/forget-address.ts';
import { unsubscribeUrl } from '../../lambdas/core/contacts/unsubscribe-link.ts';
import type { ContactStore, WatchStore } from '../../lambdas/core/ports/stores.ts';
import { readOutbox } from '../../local/outbox/outbox-sender.ts';
import { confirmByMail } from '../support/confirmation-mail.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';
import { allItems, itemsHolding, privacyListedItemTypes } from '../support/table-items.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

type Owner = 'user' | 'other';

/** The subject of the caller's token: the owner id the table keeps. */
const subOf = (as: Owner): string => {
  const payload = api.tokens[as].split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string }).sub;
};

/** Each store of the table, with some methods replaced: what a concurrent request or a lagging index looks like. */
const overriding = <T extends object>(store: T, overrides: Partial<T>): T =>
  new Proxy(store, {
    get: (target, name, receiver) => {
      if (name in overrides) return overrides[name as keyof T];
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

interface WatchBody {
  id: string;
  status: string;
}

const create = async (channel: Record<string, string>, as: Owner): Promise<WatchBody> => {
  const response = await api.send(
    'POST',
    '/watches',
    { target: { groups: ['africa'] }, events: ['report.overdue'], channel },
    as,
  );
  expect(response.status).toBe(201);
  return response.json as WatchBody;
};

/** An active email watch: created, then confirmed through the link of the newest confirmation mail. */
const confirmedWatch = async (email: string, as: Owner): Promise<WatchBody> => {
  const watch = await create({ email }, as);
  expect((await confirmByMail(api.outboxFile, email)).status).toBe(200);
  return watch;
};

const statusOf = async (watch: WatchBody, as: Owner): Promise<string | number> => {
  const response = await api.request(`/watches/${watch.id}`, { as });
  return response.status === 200 ? (response.json as WatchBody).status : response.status;
};

const deleteWatch = async (watch: WatchBody, as: Owner) =>
  (await api.request(`/watches/${watch.id}`, { method: 'DELETE', as })).status;

const consentOf = (email: string, as: Owner) => api.deps.consents.get({ contact: `email:${email}`, owner: subOf(as) });

/** The item types that hold `text`: what erasure must leave none of. */
const typesHolding = async (text: string): Promise<string[]> =>
  [...new Set((await itemsHolding(api, text)).map((item) => String(item.itemType)))].sort();

describe('DELETE /watches/{id}: the last watch on an address takes the address with it', () => {
  it('an owner’s last watch takes their consent; the address stays while another owner’s watch uses it, and goes with the last', async () => {
    const mine = await confirmedWatch('ann@example.org', 'user');
    const theirs = await confirmedWatch('ann@example.org', 'other');

    expect(await deleteWatch(mine, 'user')).toBe(204);

    expect(await consentOf('ann@example.org', 'user')).toBeUndefined();
    expect(await consentOf('ann@example.org', 'other')).toMatchObject({ state: 'confirmed' });
    expect(await api.deps.contacts.get('email:ann@example.org')).toMatchObject({ state: 'confirmed' });
    expect(await statusOf(theirs, 'other')).toBe('active');

    expect(await deleteWatch(theirs, 'other')).toBe(204);

    expect(await api.deps.contacts.get('email:ann@example.org')).toBeUndefined();
    expect(await consentOf('ann@example.org', 'other')).toBeUndefined();
    expect(await typesHolding('ann@example.org')).toEqual([]);
  });

  it('keeps the owner’s consent while another watch of theirs is on the address', async () => {
    const first = await confirmedWatch('bea@example.org', 'user');
    const second = await create({ email: 'bea@example.org' }, 'user');
    expect(second.status).toBe('active');

    await deleteWatch(first, 'user');

    expect(await consentOf('bea@example.org', 'user')).toMatchObject({ state: 'confirmed' });
    expect(await statusOf(second, 'user')).toBe('active');
  });

  it('deletes the watch’s delivery log, which names the address', async () => {
    const watch = await confirmedWatch('cleo@example.org', 'user');
    const other = await confirmedWatch('cleo@example.org', 'other');
    expect((await api.send('POST', `/watches/${watch.id}/test`, {}, 'user')).status).toBe(200);
    expect(await typesHolding('cleo@example.org')).toContain('delivery-log');

    await deleteWatch(watch, 'user');

    // Only the other owner's watch, the contact and that owner's consent still name it.
    expect(await typesHolding('cleo@example.org')).toEqual(['consent', 'contact', 'watch']);
    expect(await statusOf(other, 'other')).toBe('active');
  });

  it('forgets a pending number with its code when its only watch goes', async () => {
    const watch = await create({ sms: '+447700900301' }, 'user');
    expect(await typesHolding('+447700900301')).toEqual(['consent', 'contact', 'watch']);

    await deleteWatch(watch, 'user');

    expect(await typesHolding('+447700900301')).toEqual([]);
  });

  it('forgets the old address of a watch moved to another', async () => {
    const watch = await confirmedWatch('dora@example.org', 'user');

    const moved = await api.send('PATCH', `/watches/${watch.id}`, { channel: { email: 'dora@example.net' } }, 'user');

    expect(moved.status).toBe(200);
    expect(await typesHolding('dora@example.org')).toEqual([]);
    expect(await typesHolding('dora@example.net')).toEqual(['consent', 'contact', 'watch']);
  });

  it('leaves a watch created on the address meanwhile working: what was deleted is put back', async () => {
    const watch = await confirmedWatch('edda@example.org', 'user');
    let listings = 0;
    // The new watch is not listed yet when the address is checked (the index lags), only when checked again.
    const lagging = overriding<WatchStore>(api.deps.watches, {
      listByContact: async (contact: string) => {
        listings += 1;
        return listings === 1 ? [] : api.deps.watches.listByContact(contact);
      },
    });

    await forgetAddress('email:edda@example.org', subOf('user'), { ...api.deps, watches: lagging });

    expect(listings).toBe(2);
    expect(await api.deps.contacts.get('email:edda@example.org')).toMatchObject({ state: 'confirmed' });
    expect(await consentOf('edda@example.org', 'user')).toMatchObject({ state: 'confirmed' });
    expect(await statusOf(watch, 'user')).toBe('active');
    expect((await api.send('POST', `/watches/${watch.id}/test`, {}, 'user')).json).toMatchObject({ status: 'sent' });
  });

  it('leaves an address that was asked for again meanwhile (its contact changed) as it is', async () => {
    const watch = await create({ email: 'fay@example.org' }, 'user');
    const { contacts } = api.deps;
    // Between the read and the delete, another owner's request writes the contact.
    const racing = overriding<ContactStore>(contacts, {
      remove: async (contact) => {
        await contacts.put(
          { ...contact, updatedAt: new Date(Date.parse(contact.updatedAt) + 1).toISOString() },
          contact,
        );
        return contacts.remove(contact);
      },
    });
    const noWatches = overriding<WatchStore>(api.deps.watches, { listByContact: async () => [] });

    await forgetAddress('email:fay@example.org', subOf('other'), { ...api.deps, contacts: racing, watches: noWatches });

    expect(await api.deps.contacts.get('email:fay@example.org')).toMatchObject({ state: 'pending' });
    expect(await consentOf('fay@example.org', 'user')).toMatchObject({ state: 'pending' });
    expect(await statusOf(watch, 'user')).toBe('pending-confirmation');
  });
});

describe('DELETE /me', () => {
  it('erases every watch of the caller with its log and feed key, their consents, and the addresses only they used', async () => {
    const own = await confirmedWatch('gwen@example.org', 'user');
    await create({ sms: '+447700900302' }, 'user');
    await confirmedWatch('shared@example.org', 'user');
    const theirs = await confirmedWatch('shared@example.org', 'other');
    expect((await api.send('POST', `/watches/${own.id}/test`, {}, 'user')).status).toBe(200);
    expect((await api.request(`/watches/${own.id}/feed-key`, { method: 'POST', as: 'user' })).status).toBe(200);
    const listed = privacyListedItemTypes();
    for (const text of ['gwen@example.org', '+447700900302', subOf('user')])
      for (const type of await typesHolding(text)) expect(listed, `${type} holds ${text}`).toContain(type);

    const erased = await api.request('/me', { method: 'DELETE', as: 'user' });

    expect(erased.status).toBe(204);
    expect((await api.request('/watches', { as: 'user' })).json).toMatchObject({ watches: [] });
    expect(await typesHolding('gwen@example.org')).toEqual([]);
    expect(await typesHolding('+447700900302')).toEqual([]);
    // Only the day's budget counters keep the owner id, until their TTL (docs/privacy.md): erasing oneself does not reset them.
    const keptForBudgets = (await itemsHolding(api, subOf('user'))).filter(
      ({ itemType, SK }) => !(itemType === 'send-count' && String(SK).startsWith('BUDGET#')),
    );
    expect(keptForBudgets).toEqual([]);
    // The other owner's watch on the shared address works on.
    expect(await typesHolding('shared@example.org')).toEqual(['consent', 'contact', 'watch']);
    expect(await statusOf(theirs, 'other')).toBe('active');
    expect((await api.request('/me', { method: 'DELETE', as: 'user' })).status).toBe(204);
  });

  it('asks for a token', async () => {
    expect((await api.request('/me', { method: 'DELETE' })).status).toBe(401);
  });
});

describe('POST /unsubscribe: the one-click link erases the address', () => {
  it('leaves no item that holds the address, only a marker keyed by its hash, and no request reaches it again', async () => {
    const mine = await confirmedWatch('hana@example.org', 'user');
    await confirmedWatch('hana@example.org', 'other');
    expect((await api.send('POST', `/watches/${mine.id}/test`, {}, 'user')).status).toBe(200);
    const listed = privacyListedItemTypes();
    for (const type of await typesHolding('hana@example.org')) expect(listed).toContain(type);
    const link = unsubscribeUrl(api.url, await api.deps.linkSecret(), 'email:hana@example.org');

    const response = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

    expect(response.status).toBe(200);
    expect(await typesHolding('hana@example.org')).toEqual([]);
    expect(await api.deps.contacts.isSuppressed('email:hana@example.org')).toBe(true);
    const partition = contactPartition('email:hana@example.org');
    expect((await allItems(api)).filter(({ PK }) => PK === partition)).toEqual([
      { PK: partition, SK: 'SUPPRESSED', itemType: 'suppression', at: expect.any(String) },
    ]);
    expect(listed).toContain('suppression');
    const mailed = readOutbox(api.outboxFile).filter(({ to }) => to === 'hana@example.org').length;
    const later = await create({ email: 'hana@example.org' }, 'other');
    expect(later.status).toBe('pending-confirmation');
    expect(readOutbox(api.outboxFile).filter(({ to }) => to === 'hana@example.org')).toHaveLength(mailed);
  });

  it("lets requests reach the address again only from its own page's button, which subscribes nothing", async () => {
    await confirmedWatch('jo@example.org', 'user');
    const link = unsubscribeUrl(api.url, await api.deps.linkSecret(), 'email:jo@example.org');
    const post = (url: string, body: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const page = await (await post(link, 'List-Unsubscribe=One-Click')).text();
    expect(page).toContain('name="Allow-Requests" value="Yes"');
    const forged = new URL(link);
    forged.searchParams.set('s', 'A'.repeat(forged.searchParams.get('s')?.length ?? 43));
    expect((await post(forged.href, 'Allow-Requests=Yes')).status).toBe(403);
    expect(await api.deps.contacts.isSuppressed('email:jo@example.org')).toBe(true);

    const allowed = await post(link, 'Allow-Requests=Yes');

    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('Nothing is subscribed');
    expect(await api.deps.contacts.isSuppressed('email:jo@example.org')).toBe(false);
    expect(await typesHolding('jo@example.org')).toEqual([]);
    const mailed = readOutbox(api.outboxFile).filter(({ to }) => to === 'jo@example.org').length;
    const asked = await create({ email: 'jo@example.org' }, 'other');
    expect(asked.status).toBe('pending-confirmation');
    expect(readOutbox(api.outboxFile).filter(({ to }) => to === 'jo@example.org')).toHaveLength(mailed + 1);
  });

  it('erases a watch created on the address while the erasure ran, and sends it nothing', async () => {
    await confirmedWatch('ilse@example.org', 'user');
    const { contacts } = api.deps;
    let created: WatchBody | undefined;
    // Another owner creates a watch on the address just as its items are being erased.
    const racing = overriding<ContactStore>(contacts, {
      erase: async (id) => {
        created ??= await create({ email: 'ilse@example.org' }, 'other');
        return contacts.erase(id);
      },
    });
    const mailed = readOutbox(api.outboxFile).filter(({ to }) => to === 'ilse@example.org').length;

    await eraseAddress('email:ilse@example.org', { ...api.deps, contacts: racing });

    expect(created?.status).toBe('pending-confirmation');
    expect(await typesHolding('ilse@example.org')).toEqual([]);
    expect(readOutbox(api.outboxFile).filter(({ to }) => to === 'ilse@example.org')).toHaveLength(mailed);
  });
});
