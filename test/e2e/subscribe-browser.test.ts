import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicOwnerOf } from '../../lambdas/core/subscriptions/public-owner.ts';
import { readOutbox } from '../../local/outbox/outbox-sender.ts';
import { confirmationLinkTo } from '../support/confirmation-mail.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';
import { itemsHolding } from '../support/table-items.ts';
import { launchPackagedChromium } from './packaged-chromium.ts';

/**
 * Subscribing without an account, in a real browser (the packaged headless Chromium, as the
 * board's own test): the board's form, the mailed link, the manage page, and the erasure, all
 * under the pages' Content-Security-Policy, which allows no script.
 */
const ADDRESS = 'zoe@example.org';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  api = await startSeededTestApi();
  browser = await launchPackagedChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const heading = (): Promise<string | null> => page.locator('h1').textContent();

describe('subscribing from the board in Chromium', () => {
  it('signs up, confirms through the mailed link, manages, and unsubscribes leaving nothing of the address', async () => {
    const board = await page.goto(`${api.url}/board?obligation=2397-p8-midterm&asOf=2019-12-20`);
    expect(board?.status()).toBe(200);
    expect(board?.headers()['content-security-policy']).toContain("form-action 'self'");

    // The honeypot is there for form fillers, off the screen for people.
    const trap = await page.locator('input[name="website"]').boundingBox();
    expect((trap?.x ?? 0) + (trap?.width ?? 0)).toBeLessThan(0);

    await page.fill('#subscribe input[name="email"]', ADDRESS);
    await page.selectOption('#subscribe select[name="states"]', ['NG', 'CN']);
    await page.uncheck('#subscribe input[name="events"][value="report.received"]');
    await page.check('#subscribe input[name="events"][value="report.overdue"]');
    await Promise.all([page.waitForURL(`${api.url}/subscriptions`), page.click('#subscribe button[type="submit"]')]);
    expect(await heading()).toBe('Check your inbox');
    expect(await api.deps.watches.listByOwner(publicOwnerOf(`email:${ADDRESS}`))).toEqual([]);

    // The reader opens the mailed link: a page that asks, then the button.
    await page.goto(confirmationLinkTo(api.outboxFile, ADDRESS));
    expect(await heading()).toBe('Confirm sanctions-watch alerts');
    await Promise.all([page.waitForLoadState(), page.click('button[type="submit"]')]);
    expect(await heading()).toBe('Subscribed');
    expect(await api.deps.watches.listByOwner(publicOwnerOf(`email:${ADDRESS}`))).toMatchObject([
      { status: 'active', target: { states: ['CN', 'NG'] }, events: ['report.overdue'] },
    ]);

    // The manage page, from the confirmation's link: change the events, then unsubscribe and erase.
    await Promise.all([page.waitForURL(/\/manage\?token=/), page.click('a:has-text("Manage your subscription")')]);
    expect(await heading()).toBe('Your sanctions-watch subscription');
    await page.check('input[name="events"][value="report.received"]');
    await Promise.all([page.waitForLoadState(), page.click('button:has-text("Save changes")')]);
    expect(await page.locator('[role="status"]').textContent()).toBe('Saved.');
    expect(await api.deps.watches.listByOwner(publicOwnerOf(`email:${ADDRESS}`))).toMatchObject([
      { events: ['report.overdue', 'report.received'] },
    ]);

    await Promise.all([page.waitForLoadState(), page.click('button:has-text("Unsubscribe and erase")')]);
    expect(await heading()).toBe('Unsubscribed');

    // Nothing in the table holds the address any more (a scan of every item), and nothing more was sent.
    expect(await itemsHolding(api, ADDRESS)).toEqual([]);
    expect(readOutbox(api.outboxFile).filter((entry) => entry.to === ADDRESS)).toHaveLength(1);
  });
});
