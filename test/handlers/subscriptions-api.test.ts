import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/contracts/routes.ts';
import { DEFAULT_SEND_BUDGETS } from '../../lambdas/core/budgets/send-budgets.ts';
import { manageToken } from '../../lambdas/core/subscriptions/manage-link.ts';
import { publicOwnerOf } from '../../lambdas/core/subscriptions/public-owner.ts';
import { handlerFor as createSubscription } from '../../lambdas/handlers/http/create-subscription.ts';
import { apiGatewayEvent, matchRoute } from '../../local/api-gateway-event.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { readOutbox } from '../../local/outbox/outbox-sender.ts';
import { confirmationLinkTo } from '../support/confirmation-mail.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';
import { allItems, itemsHolding, privacyListedItemTypes } from '../support/table-items.ts';
import { testDependencies } from '../support/test-dependencies.ts';
import { createTestTable } from '../support/test-table.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

type Fields = readonly (readonly [string, string])[];

/** A form's body, its fields in order, names repeated as a page repeats them. */
const formBody = (fields: Fields): string => {
  const body = new URLSearchParams();
  for (const [name, value] of fields) body.append(name, value);
  return body.toString();
};

/** What the board's form posts: the address, states or groups, events. */
const signUpForm = (fields: Fields) =>
  fetch(`${api.url}/subscriptions`, { method: 'POST', headers: FORM, body: formBody(fields) });

const emailSignup = (email: string, extra: Fields = []) =>
  signUpForm([
    ['email', email],
    ['phone', ''],
    ['states', 'NG'],
    ['states', 'CN'],
    ['events', 'report.overdue'],
    ['website', ''],
    ...extra,
  ]);

const messagesTo = (to: string) => readOutbox(api.outboxFile).filter((entry) => entry.to === to);

/** The watches the address's own sign-up holds. */
const subscriberWatches = (contact: string) => api.deps.watches.listByOwner(publicOwnerOf(contact));

/** Presses the button of the confirmation page: what the address does to say yes. */
const confirm = async (to: string): Promise<{ readonly status: number; readonly page: string }> => {
  const response = await fetch(confirmationLinkTo(api.outboxFile, to), { method: 'POST' });
  return { status: response.status, page: await response.text() };
};

/** The manage link on a page, resolved as a browser would against the page's URL. */
const manageLinkOn = (page: string, pageUrl: string): URL => {
  const href = /<a href="([^"]*manage\?token=[^"]+)">/.exec(page)?.[1]?.replaceAll('&amp;', '&');
  if (href === undefined) throw new Error(`no manage link on the page:\n${page}`);
  return new URL(href, pageUrl);
};

const postManage = (link: URL, fields: Fields) =>
  fetch(link, { method: 'POST', headers: FORM, body: formBody(fields) });

describe('POST /subscriptions', () => {
  it('mails a confirmation link and makes no watch until the address confirms', async () => {
    const response = await emailSignup('Pia@Example.org');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(await response.text()).toContain('a link to confirm is on its way');
    expect(messagesTo('Pia@Example.org').map((entry) => entry.kind)).toEqual(['confirmation']);
    expect(await subscriberWatches('email:pia@example.org')).toEqual([]);
    const holding = await itemsHolding(api, 'pia@example.org');
    // docs/privacy.md lists every kind of item that holds it.
    expect(holding.map((item) => item.itemType).filter((type) => !privacyListedItemTypes().has(String(type)))).toEqual(
      [],
    );
    const [signup] = holding.filter((item) => item.itemType === 'signup');
    // It expires with its link (3 days) and a day, as a pending consent does.
    expect(signup?.expiresAt).toBeGreaterThan(Date.now() / 1000 + 3 * 86_400);
  });

  it('turns the sign-up into an active watch when the address confirms, and links to its manage page', async () => {
    await emailSignup('quin@example.org');

    const confirmed = await confirm('quin@example.org');

    expect(confirmed.status).toBe(200);
    expect(confirmed.page).toContain('Manage your subscription');
    const [watch, ...more] = await subscriberWatches('email:quin@example.org');
    expect(more).toEqual([]);
    expect(watch).toMatchObject({
      status: 'active',
      target: { states: ['NG', 'CN'] },
      events: ['report.overdue'],
      channel: { email: 'quin@example.org' },
    });
    expect((await itemsHolding(api, 'quin@example.org')).map((item) => item.itemType)).not.toContain('signup');
    expect(await api.deps.contacts.get('email:quin@example.org')).toMatchObject({ state: 'confirmed', signedUp: true });
    // Confirming twice changes nothing.
    expect((await confirm('quin@example.org')).status).toBe(200);
    expect(await subscriberWatches('email:quin@example.org')).toHaveLength(1);
  });

  it('sends a stranger nothing more on a second sign-up the same day, and answers it exactly as the first', async () => {
    const first = await emailSignup('rita@example.org');
    const second = await emailSignup('rita@example.org', [['groups', 'africa']]);

    expect(second.status).toBe(first.status);
    expect(await second.text()).toBe(await first.text());
    expect(messagesTo('rita@example.org')).toHaveLength(1);
  });

  it('texts a number at most once a day through the form, even after its code expired', async () => {
    const phone = '+447700900301';
    const signUp = () =>
      signUpForm([
        ['phone', phone],
        ['groups', 'africa'],
        ['events', 'report.overdue'],
      ]);
    // Twenty minutes on must be the same day: run at 23:45, they were not.
    api.moveClockToNextDay();
    const first = await signUp();
    const firstPage = await first.text();
    expect(firstPage).toContain('name="code"');
    api.moveClock(20 * 60);
    const second = await signUp();

    expect(await second.text()).toBe(firstPage);
    expect(messagesTo(phone)).toHaveLength(1);
  });

  it('answers a sign-up of an address subscribed already as any other, the next day too, and sends nothing', async () => {
    const first = await emailSignup('ria@example.org');
    await confirm('ria@example.org');
    api.moveClock(86_400);
    const again = await emailSignup('ria@example.org', [['groups', 'africa']]);

    expect(again.status).toBe(first.status);
    expect(await again.text()).toBe(await first.text());
    expect(messagesTo('ria@example.org')).toHaveLength(1);
    // The subscription stands as confirmed; changes are made on its manage page.
    expect(await subscriberWatches('email:ria@example.org')).toMatchObject([
      { status: 'active', target: { states: ['NG', 'CN'] } },
    ]);
  });

  it('answers a filled honeypot as if it accepted, and sends and keeps nothing', async () => {
    const trap = await emailSignup('sam@example.org', [['website', 'http://spam.example']]);
    const human = await emailSignup('sam2@example.org');

    expect(trap.status).toBe(200);
    expect((await trap.text()).replace('sam@', 'sam2@')).toBe(await human.text());
    expect(messagesTo('sam@example.org')).toEqual([]);
    expect(await itemsHolding(api, 'sam@example.org')).toEqual([]);
  });

  it('takes JSON too: 202, and a 400 naming the form field', async () => {
    const accepted = await api.send('POST', '/subscriptions', {
      email: 'tia@example.org',
      all: true,
      events: ['report.received'],
    });
    expect(accepted.status).toBe(202);
    expect(accepted.json).toEqual({ status: 'accepted', channel: 'email', to: 'tia@example.org' });

    const invalid = await api.send('POST', '/subscriptions', { email: 'tia@example.org', states: ['XX'], events: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ error: { field: 'states.0' } });
  });

  it('answers a form with a mistake with a page naming the field, and sends nothing', async () => {
    const response = await signUpForm([
      ['email', 'not-an-address'],
      ['states', 'NG'],
      ['events', 'report.overdue'],
    ]);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('Field &quot;email&quot;');
    expect(messagesTo('not-an-address')).toEqual([]);
  });

  it('refuses a number in a country this deployment does not text, naming the phone field', async () => {
    const response = await api.send('POST', '/subscriptions', {
      phone: '+88112345678',
      groups: ['africa'],
      events: ['report.overdue'],
    });

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { field: 'phone' } });
  });
});

describe('POST /subscriptions/verify', () => {
  it('makes the watch when the number returns its code, and not before', async () => {
    const phone = '+447700900302';
    await signUpForm([
      ['phone', phone],
      ['states', 'NG'],
      ['events', 'report.overdue'],
    ]);
    const code = /code: (\d{6})/.exec(messagesTo(phone)[0]?.text ?? '')?.[1] ?? '';
    const verify = (digits: string) =>
      fetch(`${api.url}/subscriptions/verify`, {
        method: 'POST',
        headers: FORM,
        body: new URLSearchParams({ phone, code: digits }).toString(),
      });

    const wrong = await verify(code === '000000' ? '111111' : '000000');
    expect(wrong.status).toBe(400);
    expect(await subscriberWatches(`sms:${phone}`)).toEqual([]);

    const right = await verify(code);
    expect(right.status).toBe(200);
    const page = await right.text();
    expect(manageLinkOn(page, `${api.url}/subscriptions/verify`).pathname).toBe('/manage');
    expect(await subscriberWatches(`sms:${phone}`)).toMatchObject([{ status: 'active', target: { states: ['NG'] } }]);
  });
});

describe('the manage page', () => {
  it('changes the states and events, pauses and resumes, and unsubscribes and erases', async () => {
    await emailSignup('uli@example.org');
    const { page } = await confirm('uli@example.org');
    const link = manageLinkOn(page, `${api.url}/confirm`);

    const shown = await fetch(link);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await shown.text()).toContain('uli@example.org');

    const changed = await postManage(link, [
      ['action', 'change'],
      ['groups', 'africa'],
      ['events', 'report.received'],
      ['events', 'report.overdue'],
    ]);
    expect(changed.status).toBe(200);
    expect(await subscriberWatches('email:uli@example.org')).toMatchObject([
      { target: { groups: ['africa'] }, events: ['report.received', 'report.overdue'] },
    ]);

    expect((await postManage(link, [['action', 'pause']])).status).toBe(200);
    expect(await subscriberWatches('email:uli@example.org')).toMatchObject([{ status: 'paused' }]);
    expect((await postManage(link, [['action', 'resume']])).status).toBe(200);
    expect(await subscriberWatches('email:uli@example.org')).toMatchObject([{ status: 'active' }]);

    const kept = (await itemsHolding(api, 'uli@example.org')).map((item) => String(item.itemType));
    expect(kept).toEqual(expect.arrayContaining(['watch', 'contact', 'consent']));
    expect(kept.filter((type) => !privacyListedItemTypes().has(type))).toEqual([]);
    const erased = await postManage(link, [['action', 'erase']]);
    expect(erased.status).toBe(200);
    expect(await erased.text()).toContain('sanctions-watch sends nothing more to <strong>uli@example.org</strong>');
    expect(await itemsHolding(api, 'uli@example.org')).toEqual([]);
  });

  it('refuses a token the service did not sign, and opening it changes nothing', async () => {
    const forged = `${Buffer.from('email:uli@example.org').toString('base64url')}.${'A'.repeat(43)}`;
    expect((await fetch(`${api.url}/manage?token=${forged}`)).status).toBe(403);
    expect((await postManage(new URL(`${api.url}/manage?token=${forged}`), [['action', 'erase']])).status).toBe(403);
  });

  it('shows an address without a sign-up only the way to unsubscribe', async () => {
    const token = manageToken(await api.deps.linkSecret(), 'email:nobody@example.org');
    const page = await (await fetch(`${api.url}/manage?token=${token}`)).text();
    expect(page).toContain('no subscription made on the board');
    expect(page).toContain('Unsubscribe and erase');
  });
});

describe('an address that asked to be erased', () => {
  it('can sign itself up again, at most once a day, and its own yes lifts the erasure marker', async () => {
    await emailSignup('vic@example.org');
    const link = manageLinkOn((await confirm('vic@example.org')).page, `${api.url}/confirm`);
    await postManage(link, [['action', 'erase']]);
    expect(await api.deps.contacts.isSuppressed('email:vic@example.org')).toBe(true);
    api.moveClock(86_400);

    await emailSignup('vic@example.org');
    expect(messagesTo('vic@example.org').filter((entry) => entry.kind === 'confirmation')).toHaveLength(2);
    await confirm('vic@example.org');

    expect(await api.deps.contacts.isSuppressed('email:vic@example.org')).toBe(false);
    expect(await subscriberWatches('email:vic@example.org')).toMatchObject([{ status: 'active' }]);
  });
});

describe('the hourly sign-up budget', () => {
  it('answers 429 with Retry-After and a page naming the budget once the hour is spent, and sends nothing', async () => {
    const table = await createTestTable();
    const deps = { ...testDependencies(table), sendBudgets: { ...DEFAULT_SEND_BUDGETS, signupsPerHour: 2 } };
    const handler = createSubscription(deps);
    const match = matchRoute(routes, 'POST', '/subscriptions');
    if (!match) throw new Error('no route for POST /subscriptions');
    const post = (email: string) =>
      handler(
        apiGatewayEvent(
          {
            method: 'POST',
            url: '/subscriptions',
            headers: FORM,
            body: new URLSearchParams({ email, states: 'NG', events: 'report.overdue' }).toString(),
            sourceIp: '127.0.0.1',
          },
          match,
          new Date(),
        ),
        localLambdaContext('create-subscription'),
      );

    expect((await post('w1@example.org')).statusCode).toBe(200);
    expect((await post('w2@example.org')).statusCode).toBe(200);
    const refused = await post('w3@example.org');

    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers?.['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers?.['retry-after'])).toBeLessThanOrEqual(3600);
    expect(refused.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(refused.body).toContain('<code>signupsPerHour</code>');
    expect(readOutbox(deps.outboxFile).map((entry) => entry.to)).toEqual(['w1@example.org', 'w2@example.org']);
    expect((await allItems(table)).filter((item) => JSON.stringify(item).includes('w3@'))).toEqual([]);
  });
});
