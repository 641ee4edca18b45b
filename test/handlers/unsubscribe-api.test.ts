import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/contracts/routes.ts';
import { unsubscribeSignature, unsubscribeUrl } from '../../lambdas/core/contacts/unsubscribe-link.ts';
import { handlerFor } from '../../lambdas/handlers/http/unsubscribe.ts';
import { apiGatewayEvent, matchRoute } from '../../local/api-gateway-event.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { readOutbox } from '../../local/outbox/outbox-sender.ts';
import { type ConfirmedWatch, confirmedWatch, watchStatus } from '../support/confirmation-mail.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

/** What its owner gets for the watch: 404 once it was erased. */
const lookUp = async (watch: ConfirmedWatch, as: 'user' | 'other' = 'user'): Promise<number> =>
  (await api.request(`/watches/${watch.id}`, { as })).status;

const mailsTo = (to: string) => readOutbox(api.outboxFile).filter((entry) => entry.to === to);

const linkOf = async (contact: string): Promise<string> =>
  unsubscribeUrl(api.url, await api.deps.linkSecret(), contact);

const oneClick = (
  link: string,
  body = 'List-Unsubscribe=One-Click',
  contentType = 'application/x-www-form-urlencoded',
) => fetch(link, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('GET /unsubscribe', () => {
  it('shows a page that asks, with a button that posts to the same signed link, and unsubscribes nothing', async () => {
    const watch = await confirmedWatch(api, 'gina@example.org');
    const link = await linkOf('email:gina@example.org');

    const response = await fetch(link);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = await response.text();
    expect(page).toContain('Stop every sanctions-watch alert to <strong>gina@example.org</strong>?');
    expect(page).toContain('<form method="post"');
    expect(page).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
    expect(await watchStatus(api, watch)).toBe('active');

    // What a browser does with the button: the form's action, resolved against the page's URL.
    const action = /<form method="post" action="([^"]+)">/.exec(page)?.[1]?.replaceAll('&amp;', '&') ?? '';
    const clicked = await oneClick(new URL(action, link).toString());
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain('sanctions-watch sends nothing more to <strong>gina@example.org</strong>.');
    expect(await lookUp(watch)).toBe(404);
  });

  it('shows the address as text, whatever it holds', async () => {
    const response = await fetch(await linkOf('email:"<b>x</b>"@example.org'));

    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<strong>&quot;&lt;b&gt;x&lt;/b&gt;&quot;@example.org</strong>');
    expect(page).not.toContain('<b>x</b>');
  });

  it('refuses a link whose signature is not the contact’s with 403', async () => {
    const forged = `${api.url}/unsubscribe?c=${encodeURIComponent('email:gina@example.org')}&s=${unsubscribeSignature(
      'another-secret-of-more-than-32-characters',
      'email:gina@example.org',
    )}`;

    const response = await fetch(forged);

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
});

describe('POST /unsubscribe (one-click)', () => {
  it('erases the address: every watch on it, whoever owns them, its contact and consents; the same when repeated', async () => {
    const first = await confirmedWatch(api, 'hugo@example.org');
    const second = await confirmedWatch(api, 'hugo@example.org', 'other');
    const link = await linkOf('email:hugo@example.org');

    const response = await oneClick(link);

    expect(response.status).toBe(200);
    expect(await lookUp(first)).toBe(404);
    expect(await lookUp(second, 'other')).toBe(404);
    expect(await api.deps.contacts.get('email:hugo@example.org')).toBeUndefined();
    expect(await api.deps.consents.get({ contact: 'email:hugo@example.org', owner: 'otto-other' })).toBeUndefined();
    expect((await oneClick(link)).status).toBe(200);
    expect(await api.deps.contacts.get('email:hugo@example.org')).toBeUndefined();
  });

  it('sends nothing to the address again: a later watch on it waits, and no mail goes', async () => {
    await confirmedWatch(api, 'hedda@example.org');
    await oneClick(await linkOf('email:hedda@example.org'));
    const mailed = mailsTo('hedda@example.org').length;

    const created = await api.send(
      'POST',
      '/watches',
      { target: { groups: ['africa'] }, events: ['report.overdue'], channel: { email: 'hedda@example.org' } },
      'other',
    );
    const again = await api.send('POST', `/watches/${(created.json as ConfirmedWatch).id}/confirmation`, {}, 'other');

    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'pending-confirmation' });
    expect(again.status).toBe(200);
    expect(mailsTo('hedda@example.org')).toHaveLength(mailed);
  });

  it('takes the one-click field as multipart/form-data too, as RFC 8058 prefers', async () => {
    const watch = await confirmedWatch(api, 'ines@example.org');
    const body = [
      '--b0undary',
      'Content-Disposition: form-data; name="List-Unsubscribe"',
      '',
      'One-Click',
      '--b0undary--',
      '',
    ].join('\r\n');

    const response = await oneClick(
      await linkOf('email:ines@example.org'),
      body,
      'multipart/form-data; boundary=b0undary',
    );

    expect(response.status).toBe(200);
    expect(await lookUp(watch)).toBe(404);
  });

  it('reads the one-click body as API Gateway may pass it, base64-encoded', async () => {
    const watch = await confirmedWatch(api, 'tom@example.org');
    const link = new URL(await linkOf('email:tom@example.org'));
    const match = matchRoute(routes, 'POST', link.pathname);
    if (!match) throw new Error('no route for POST /unsubscribe');
    const event = apiGatewayEvent(
      {
        method: 'POST',
        url: `${link.pathname}${link.search}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from('List-Unsubscribe=One-Click').toString('base64'),
        sourceIp: '127.0.0.1',
      },
      match,
      new Date(),
    );

    const response = await handlerFor(api.deps)({ ...event, isBase64Encoded: true }, localLambdaContext('unsubscribe'));

    expect(response.statusCode).toBe(200);
    expect(await lookUp(watch)).toBe(404);
  });

  it('answers a signed link of an address the service does not know as if it unsubscribed', async () => {
    const response = await oneClick(await linkOf('email:nobody@example.org'));

    expect(response.status).toBe(200);
    expect(await api.deps.contacts.get('email:nobody@example.org')).toBeUndefined();
  });

  it('refuses a forged or tampered link with 403 and changes nothing', async () => {
    const watch = await confirmedWatch(api, 'jon@example.org');
    const link = new URL(await linkOf('email:jon@example.org'));
    const signature = link.searchParams.get('s') ?? '';
    link.searchParams.set('s', `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`);

    const tampered = await oneClick(link.toString());
    const otherContact = await oneClick(
      `${api.url}/unsubscribe?c=${encodeURIComponent('email:jon@example.org')}&s=${(await linkOf('email:gina@example.org')).split('s=')[1]}`,
    );

    expect(tampered.status).toBe(403);
    expect(otherContact.status).toBe(403);
    expect(await watchStatus(api, watch)).toBe('active');
  });

  it.each([
    ['without c', (link: URL) => link.searchParams.delete('c'), 'c'],
    ['without s', (link: URL) => link.searchParams.delete('s'), 's'],
    ['with a c that names no contact', (link: URL) => link.searchParams.set('c', 'kim@example.org'), 'c'],
    ['with an s that is no signature', (link: URL) => link.searchParams.set('s', 'short'), 's'],
  ])('refuses a link %s with 400 naming the parameter', async (_, spoil, field) => {
    const link = new URL(await linkOf('email:kim@example.org'));
    spoil(link);

    const response = await oneClick(link.toString());

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid-input', field } });
  });

  it.each([
    ['an empty body', ''],
    ['another field', 'unsubscribe=yes'],
    ['another value', 'List-Unsubscribe=Yes'],
  ])('refuses %s with 400 naming the one-click field, and changes nothing', async (_, body) => {
    const watch = await confirmedWatch(api, 'lea@example.org');

    const response = await oneClick(await linkOf('email:lea@example.org'), body);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { field: 'List-Unsubscribe' } });
    expect(await watchStatus(api, watch)).toBe('active');
  });
});
