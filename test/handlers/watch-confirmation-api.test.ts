import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { confirmationLinkIn, type OutboxEntry, readOutbox } from '../../local/outbox/outbox-sender.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

interface WatchBody {
  id: string;
  status: string;
  confirmation?: { state: string; next: string; confirmBy?: string };
}

const outbox = (): OutboxEntry[] => readOutbox(api.outboxFile);

const lastTo = (to: string): OutboxEntry | undefined =>
  outbox()
    .filter((entry) => entry.to === to)
    .at(-1);

const create = async (body: Record<string, unknown>, as: 'user' | 'other' = 'user') => {
  const response = await api.send(
    'POST',
    '/watches',
    { target: { groups: ['africa'] }, events: ['report.overdue'], ...body },
    as,
  );
  expect(response.status).toBe(201);
  return response.json as WatchBody;
};

const watchOf = async (id: string, as: 'user' | 'other' = 'user') =>
  (await api.request(`/watches/${id}`, { as })).json as WatchBody;

const confirmationLinkTo = (to: string): string => {
  const link = confirmationLinkIn(lastTo(to)?.text ?? '');
  if (link === undefined) throw new Error(`no confirmation link to ${to}`);
  return link;
};

const press = (link: string) => fetch(link, { method: 'POST' });

describe('email confirmation', () => {
  it("mails a signed link: opening it only asks, pressing Confirm activates the owner's watches, and later ones start active", async () => {
    const first = await create({ channel: { email: 'Ana@Example.org' }, name: 'Buy cheap pills now' });
    expect(first).toMatchObject({
      status: 'pending-confirmation',
      confirmation: { state: 'pending', next: expect.stringContaining('confirmation mail') },
    });
    const mail = lastTo('Ana@Example.org');
    expect(mail).toMatchObject({ subject: 'Confirm your sanctions-watch alerts', kind: 'confirmation' });
    // Nothing the requester wrote reaches the address before it said yes.
    expect(mail?.text).not.toContain('pills');
    const link = confirmationLinkTo('Ana@Example.org');

    const opened = await fetch(link);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('<button type="submit">Confirm</button>');
    expect((await watchOf(first.id)).status).toBe('pending-confirmation');

    expect((await press(link)).status).toBe(200);
    expect((await watchOf(first.id)).status).toBe('active');
    expect((await press(link)).status).toBe(200);
    expect((await create({ channel: { email: 'ana@example.org' }, events: ['deadline.passed'] })).status).toBe(
      'active',
    );
  });

  it("does not let another owner's watch send to an address someone else confirmed, nor says it was confirmed", async () => {
    const mailsBefore = outbox().length;
    const second = await create({ channel: { email: 'ana@example.org' }, events: ['report.received'] }, 'other');
    const stranger = await create({ channel: { email: 'never-seen@example.org' } }, 'other');

    expect(second.status).toBe('pending-confirmation');
    // The same answer as for an address the service never saw.
    expect(Object.keys(second.confirmation ?? {})).toEqual(Object.keys(stranger.confirmation ?? {}));
    expect(second.confirmation?.state).toBe(stranger.confirmation?.state);
    expect((await api.send('POST', `/watches/${second.id}/test`, {}, 'other')).json).toMatchObject({
      error: { code: 'watch-not-confirmed' },
    });
    // Each owner's request is its own: the address is asked again, for this owner.
    expect(
      outbox()
        .slice(mailsBefore)
        .filter(({ to }) => to === 'ana@example.org'),
    ).toHaveLength(1);

    expect((await press(confirmationLinkTo('ana@example.org'))).status).toBe(200);
    expect((await watchOf(second.id, 'other')).status).toBe('active');
  });

  it('takes five watches created at once for one new address, all waiting on one confirmation', async () => {
    const created = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        api.send(
          'POST',
          '/watches',
          {
            target: { states: ['NG'] },
            events: [
              ['report.overdue', 'report.received', 'figure.changed', 'deadline.passed', 'deadline.approaching'][index],
            ],
            channel: { email: 'rush@example.org' },
          },
          'user',
        ),
      ),
    );
    expect(created.map(({ status }) => status)).toEqual([201, 201, 201, 201, 201]);
    expect((await press(confirmationLinkTo('rush@example.org'))).status).toBe(200);
    const statuses = await Promise.all(created.map(({ json }) => watchOf((json as WatchBody).id)));
    expect(statuses.map(({ status }) => status)).toEqual(['active', 'active', 'active', 'active', 'active']);
  });

  it('refuses a forged or cut link with 403, a malformed one with 400 naming the field, and a replaced one with 409', async () => {
    const watch = await create({ channel: { email: 'renew@example.org' } });
    const link = new URL(confirmationLinkTo('renew@example.org'));
    const forged = new URL(link);
    forged.searchParams.set('o', 'otto-other');
    expect((await press(forged.toString())).status).toBe(403);
    expect((await fetch(forged)).status).toBe(403);
    const cut = new URL(link);
    cut.searchParams.delete('x');
    expect(((await (await fetch(cut)).json()) as { error: { field: string } }).error.field).toBe('x');

    api.moveClock(60);
    expect((await api.send('POST', `/watches/${watch.id}/confirmation`, {}, 'user')).status).toBe(200);
    const replaced = await press(link.toString());
    expect(replaced.status).toBe(409);
    expect(await replaced.json()).toMatchObject({ error: { code: 'link-replaced' } });
    expect((await watchOf(watch.id)).status).toBe('pending-confirmation');
    expect((await press(confirmationLinkTo('renew@example.org'))).status).toBe(200);
    expect((await watchOf(watch.id)).status).toBe('active');
  });

  it('refuses to ask a confirmed address again', async () => {
    const watch = await create({ channel: { email: 'ana@example.org' }, events: ['figure.changed'] });
    const again = await api.send('POST', `/watches/${watch.id}/confirmation`, {}, 'user');
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { code: 'already-confirmed' } });
  });
});

describe('SMS verification', () => {
  const codeSentTo = (phone: string): string => /code: (\d{6})/.exec(lastTo(phone)?.text ?? '')?.[1] ?? '';

  it('texts a 6-digit code; a wrong code costs an attempt, the right one activates the watch', async () => {
    const watch = await create({ channel: { sms: '+447700900123' } });
    expect(watch.confirmation).toMatchObject({ state: 'pending', next: expect.stringContaining('/verify') });
    const code = codeSentTo('+447700900123');
    expect(code).toMatch(/^\d{6}$/);
    expect(lastTo('+447700900123')?.channel).toBe('sms');

    const wrong = await api.send(
      'POST',
      `/watches/${watch.id}/verify`,
      { code: code === '000000' ? '111111' : '000000' },
      'user',
    );
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ error: { field: 'code', message: 'Wrong code; 4 attempts left' } });
    const right = await api.send('POST', `/watches/${watch.id}/verify`, { code }, 'user');
    expect(right.status).toBe(200);
    expect(right.json).toMatchObject({ id: watch.id, status: 'active' });
  });

  it("refuses malformed codes, codes for email watches and other owners' watches", async () => {
    const sms = await create({ channel: { sms: '+447700900456' } });
    const email = await create({ channel: { email: 'ana@example.org' }, events: ['deadline.approaching'] });
    expect((await api.send('POST', `/watches/${sms.id}/verify`, { code: '12345' }, 'user')).json).toMatchObject({
      error: { field: 'code' },
    });
    expect((await api.send('POST', `/watches/${sms.id}/verify`, { code: '123456', extra: 1 }, 'user')).status).toBe(
      400,
    );
    expect((await api.send('POST', `/watches/${email.id}/verify`, { code: '123456' }, 'user')).json).toMatchObject({
      error: { code: 'not-an-sms-watch' },
    });
    expect((await api.send('POST', `/watches/${sms.id}/verify`, { code: '123456' }, 'other')).status).toBe(404);
  });

  it('locks the code after five wrong tries; a new code can be asked for and works', async () => {
    const watch = await create({ channel: { sms: '+447700900789' } });
    const code = codeSentTo('+447700900789');
    const wrongCode = code === '999999' ? '888888' : '999999';
    for (let attempt = 0; attempt < 5; attempt += 1)
      await api.send('POST', `/watches/${watch.id}/verify`, { code: wrongCode }, 'user');
    const locked = await api.send('POST', `/watches/${watch.id}/verify`, { code }, 'user');
    expect(locked.json).toMatchObject({ error: { code: 'too-many-attempts' } });

    api.moveClock(60);
    const renewed = await api.send('POST', `/watches/${watch.id}/confirmation`, {}, 'user');
    expect(renewed.status).toBe(200);
    const fresh = codeSentTo('+447700900789');
    expect((await api.send('POST', `/watches/${watch.id}/verify`, { code: fresh }, 'user')).json).toMatchObject({
      status: 'active',
    });
  });

  it('refuses a new code within a minute of the last with 429 and Retry-After, sending nothing', async () => {
    const watch = await create({ channel: { sms: '+447700900321' } });
    const before = outbox().length;
    const soon = await api.send('POST', `/watches/${watch.id}/confirmation`, {}, 'user');
    expect(soon.status).toBe(429);
    expect(Number(soon.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(soon.json).toMatchObject({ error: { code: 'over-budget', budget: 'requestBackoff' } });
    expect(outbox()).toHaveLength(before);
  });

  it('gives one number 3 codes a day, whoever asks: the fourth request gets 429 naming the budget, and nothing is sent', async () => {
    const number = '+447700900999';
    await create({ channel: { sms: number } });
    const watch = await create({ channel: { sms: number } }, 'other');
    api.moveClock(60);
    expect((await api.send('POST', `/watches/${watch.id}/confirmation`, {}, 'other')).status).toBe(200);
    api.moveClock(60);
    const fourth = await api.send('POST', `/watches/${watch.id}/confirmation`, {}, 'other');
    expect(fourth.status).toBe(429);
    expect(fourth.json).toMatchObject({ error: { code: 'over-budget', budget: 'codesPerNumber' } });
    expect(Number(fourth.headers.get('retry-after'))).toBe(
      (fourth.json as { error: { retryAfterSeconds: number } }).error.retryAfterSeconds,
    );
    expect(outbox().filter(({ to }) => to === number)).toHaveLength(3);
  });
});

describe('budgets that stop a caller from messaging strangers', () => {
  it("sends a new code for each new number a PATCH names, until the owner's 10 texts a day are spent: the tenth PATCH gets 429 and sends nothing", async () => {
    const { id } = await api
      .send(
        'POST',
        '/watches',
        { target: { groups: ['africa'] }, events: ['report.overdue'], channel: { sms: '+447700901000' } },
        'admin',
      )
      .then(({ json }) => json as WatchBody);
    const texts = () => outbox().filter(({ to }) => to.startsWith('+4477009010')).length;
    for (let patch = 1; patch <= 9; patch += 1) {
      const moved = await api.send(
        'PATCH',
        `/watches/${id}`,
        { channel: { sms: `+4477009010${String(patch).padStart(2, '0')}` } },
        'admin',
      );
      expect(moved.status, `PATCH ${patch}`).toBe(200);
    }
    expect(texts()).toBe(10);
    const tenth = await api.send('PATCH', `/watches/${id}`, { channel: { sms: '+447700901010' } }, 'admin');
    expect(tenth.status).toBe(429);
    expect(tenth.json).toMatchObject({ error: { code: 'over-budget', budget: 'textsPerOwner' } });
    expect(texts()).toBe(10);
  });

  it("refuses numbers outside the deployment's countries (+881 satellite, +882 international networks) with 400, texting nothing", async () => {
    const before = outbox().length;
    for (const sms of ['+881612345678', '+88234123456']) {
      const refused = await api.send(
        'POST',
        '/watches',
        { target: { groups: ['africa'] }, events: ['report.overdue'], channel: { sms } },
        'user',
      );
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ error: { code: 'sms-country-not-allowed', field: 'channel.sms' } });
    }
    const watch = await create({ channel: { email: 'moves@example.org' } });
    const moved = await api.send('PATCH', `/watches/${watch.id}`, { channel: { sms: '+881612345678' } }, 'user');
    expect(moved.status).toBe(400);
    expect((await watchOf(watch.id)).status).toBe('pending-confirmation');
    expect(
      outbox()
        .slice(before)
        .filter(({ channel }) => channel === 'sms'),
    ).toEqual([]);
  });

  it('gives one address 3 confirmation mails a day: the fourth request gets 429, whoever asks', async () => {
    const address = 'stranger@example.org';
    const first = await create({ channel: { email: address } });
    api.moveClock(60);
    expect((await api.send('POST', `/watches/${first.id}/confirmation`, {}, 'user')).status).toBe(200);
    await create({ channel: { email: address } }, 'other');
    const second = await create({ channel: { email: address }, events: ['figure.changed'] });
    expect(second.status).toBe('pending-confirmation');
    api.moveClock(60);
    const fourth = await api.send('POST', `/watches/${first.id}/confirmation`, {}, 'user');
    expect(fourth.status).toBe(429);
    expect(fourth.json).toMatchObject({ error: { code: 'over-budget', budget: 'confirmationsPerAddress' } });
    expect(outbox().filter(({ to }) => to === address)).toHaveLength(3);
  });
});

describe('test messages, the delivery log and the preview', () => {
  it('sends a test to a confirmed address and logs it; an unconfirmed watch gets 409', async () => {
    const pending = await create({ channel: { email: 'nobody-yet@example.org' } });
    expect((await api.send('POST', `/watches/${pending.id}/test`, {}, 'user')).json).toMatchObject({
      error: { code: 'watch-not-confirmed' },
    });

    const watch = await create({ channel: { email: 'ana@example.org' }, name: 'Africa overdue' });
    const tested = await api.send('POST', `/watches/${watch.id}/test`, {}, 'user');
    expect(tested.json).toMatchObject({ status: 'sent' });
    const test = lastTo('ana@example.org');
    expect(test).toMatchObject({ subject: 'sanctions-watch test message' });
    // Nothing the caller wrote reaches the address.
    expect(test?.text).not.toContain('Africa overdue');
    const log = (await api.request(`/watches/${watch.id}/deliveries`, { as: 'user' })).json as {
      count: number;
      deliveries: { kind: string; status: string }[];
    };
    expect(log).toMatchObject({ count: 1, deliveries: [{ kind: 'test', status: 'sent' }] });
    expect((await api.request(`/watches/${watch.id}/deliveries?limit=0`, { as: 'user' })).json).toMatchObject({
      error: { field: 'limit' },
    });
    expect((await api.request(`/watches/${watch.id}/deliveries?after=nonsense`, { as: 'user' })).json).toMatchObject({
      error: { field: 'after' },
    });
    expect((await api.request(`/watches/${watch.id}/deliveries`, { as: 'other' })).status).toBe(404);
  });

  it("gives test messages a budget of their own, 3 an address a day, which leaves the alerts' cap alone", async () => {
    const watch = await create({ channel: { email: 'tests@example.org' } });
    expect((await press(confirmationLinkTo('tests@example.org'))).status).toBe(200);
    for (let test = 1; test <= 3; test += 1)
      expect((await api.send('POST', `/watches/${watch.id}/test`, {}, 'user')).json).toMatchObject({ status: 'sent' });
    const fourth = await api.send('POST', `/watches/${watch.id}/test`, {}, 'user');
    expect(fourth.status).toBe(429);
    expect(fourth.json).toMatchObject({ error: { budget: 'testsPerAddress' } });
    const day = isoDate(new Date().toISOString().slice(0, 10));
    // The alerts' cap of 50 is untouched: 50 more can be counted today.
    for (let alert = 0; alert < 50; alert += 1)
      expect(await api.deps.sendCounter.take('email:tests@example.org', day, 50)).toBe(true);
  });

  it('previews what an africa watch would be told on 2019-03-23, sending nothing', async () => {
    const watch = await create({
      channel: { email: 'ana@example.org' },
      events: ['report.overdue', 'deadline.passed'],
    });
    const before = outbox().length;
    const preview = await api.request(`/watches/${watch.id}/preview?asOf=2019-03-23`, { as: 'user' });
    expect(preview.status).toBe(200);
    const body = preview.json as { events: { type: string }[]; message: { subject: string; body: string } };
    expect(body.events.filter(({ type }) => type === 'report.overdue')).toHaveLength(54);
    expect(body.message.subject).toMatch(/^54 states overdue/);
    expect(outbox()).toHaveLength(before);
    expect((await api.request(`/watches/${watch.id}/preview?asOf=23-03-2019`, { as: 'user' })).json).toMatchObject({
      error: { field: 'asOf' },
    });
  });
});
