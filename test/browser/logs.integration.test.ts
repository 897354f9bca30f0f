import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_KEYS } from '../../src/connectors/ashby/fake/sample-fixture.js';
import {
  browserTestsEnabled,
  newWatchedContext,
  screenshot,
  screenshotAndAudit,
  useBrowserAndStack,
  type BrowserStack,
  type WatchedContext,
} from '../support/browser.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The Audit log and the Delivery log in Chromium at 1440 px and 390 px: filters, Previous/Next pages,
 * names linked to the hire or setting they are about, Export CSV with formula-like cells neutralised,
 * no sideways scrolling, axe clean, and no console error, CSP violation or refused call.
 */

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d';
const SAM = 'a00a15ed-90d6-5790-a42c-e1751b7e19ed';
const ADMIN = { name: 'Pat People', email: 'pat@northwind.example', password: 'a long enough passphrase' };
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };
/** More positions than one page of the Audit log (50) holds. */
const POSITIONS = 55;
const FORMULA = '=HYPERLINK("http://evil.example")';

const enabled = browserTestsEnabled();

describe.skipIf(!enabled)('The Audit and Delivery logs, on a laptop and a phone (SQLite)', () => {
  let browser: Browser;
  let stack: BrowserStack;
  const opened: WatchedContext[] = [];

  useBrowserAndStack(
    (b, s) => {
      browser = b;
      stack = s;
    },
    {
      beforeClose: async () => {
        for (const c of opened) await c.close();
      },
    },
  );

  const heading = (page: Page, name: string) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  const rows = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('cell') });

  it('filters, pages, links and exports both logs', async () => {
    const watched = await newWatchedContext(browser, stack.server.url);
    opened.push(watched);
    const { page } = watched;
    await page.setViewportSize(LAPTOP);
    await page.goto(stack.setupUrl);
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await heading(page, 'Integrations');

    const connected = await stack.api('/api/v1/connections/ashby', {
      method: 'POST',
      body: JSON.stringify({ apiKey: SAMPLE_KEYS.full, apiUrl: stack.sim.url, name: 'Sample' }),
    });
    expect(connected.status).toBe(201);
    for (const id of [ANNA, SAM]) stack.sim.hire(id);
    const hires = await waitFor(
      'two hires in review',
      async () => {
        const list = await stack.api<{ items: { id: string; source: { applicationId: string } }[] }>(
          '/api/v1/new-hires?limit=500',
        );
        return list.body.items.length === 2 ? list.body.items : undefined;
      },
      20_000,
      100,
    );
    await stack.settle();
    const sam = hires.find((h) => h.source.applicationId === SAM)!;
    for (let i = 1; i <= POSITIONS; i += 1) {
      const title = i === 1 ? FORMULA : `Engineer ${String(i).padStart(2, '0')}`;
      const created = await stack.api('/api/v1/positions', {
        method: 'POST',
        body: JSON.stringify({ title }),
      });
      expect(created.status).toBe(201);
    }

    // The Audit log: the connection and the newest positions, each name a link to its page.
    await page.goto('/audit');
    await heading(page, 'Audit log');
    await rows(page)
      .filter({ hasText: 'position.create' })
      .getByRole('link', { name: 'Engineer 55' })
      .waitFor();
    expect(await rows(page).count()).toBe(50);
    await screenshotAndAudit(page, 'audit-log-1440');

    // Next page holds the rest (the oldest entries, with the connection); Previous page goes back.
    const pager = page.getByRole('navigation', { name: 'Pages of the audit log' });
    await pager.getByRole('button', { name: 'Next page' }).click();
    await pager.getByText('Page 2').waitFor();
    const connect = rows(page).filter({ hasText: 'connection.connect' });
    await connect.getByRole('link', { name: 'Sample' }).click();
    await heading(page, 'Integrations');
    await page.goBack();
    await heading(page, 'Audit log');

    // Filters: an action group and an actor; the positions of the first page only then.
    await page.getByLabel('Action').fill('position');
    await page.getByLabel('Who').fill('test admin');
    await page.getByText('Page 1').waitFor();
    await page.getByRole('link', { name: 'Engineer 55' }).waitFor();
    await pager.getByRole('button', { name: 'Next page' }).click();
    await pager.getByText('Page 2').waitFor();
    await page.getByRole('link', { name: FORMULA }).waitFor();
    expect(await rows(page).count()).toBe(POSITIONS - 50);
    await pager.getByRole('button', { name: 'Previous page' }).click();
    await pager.getByText('Page 1').waitFor();
    await page.getByRole('link', { name: 'Engineer 55' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const exported = fs.readFileSync(await download.path(), 'utf8');
    expect(exported.trim().split('\r\n')).toHaveLength(POSITIONS + 1);
    expect(exported).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);

    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('From').fill('2099-01-01');
    await page.getByText('No changes match these filters.').waitFor();
    await page.getByLabel('From').fill(today);
    await page.getByLabel('To').fill(today);
    await page.getByRole('link', { name: 'Engineer 55' }).waitFor();

    // On a phone: no sideways scrolling, axe clean.
    await page.setViewportSize(PHONE);
    await expectNoSidewaysScroll(page, PHONE.width);
    await screenshotAndAudit(page, 'audit-log-390');

    // The Delivery log: each hire's name links to its review page; filters by action and status.
    await page.goto('/deliveries');
    await heading(page, 'Delivery log');
    const samHire = (
      await stack.api<{ items: { status: string; newHire: { id: string } | null }[] }>(
        '/api/v1/deliveries?action=candidateHire&limit=500',
      )
    ).body.items.find((d) => d.newHire?.id === sam.id)!;
    const sameStatus = (
      await stack.api<{ items: unknown[] }>(
        `/api/v1/deliveries?action=candidateHire&status=${samHire.status}&limit=500`,
      )
    ).body.items.length;
    await page.getByLabel('Action').fill('candidateHire');
    await page.getByLabel('Status').selectOption(samHire.status);
    await rows(page).getByRole('link', { name: "Sam O'Neil" }).waitFor();
    expect(await rows(page).count()).toBe(sameStatus);
    await expectNoSidewaysScroll(page, PHONE.width);
    await screenshotAndAudit(page, 'delivery-log-390');
    await page.setViewportSize(LAPTOP);
    await screenshotAndAudit(page, 'delivery-log-1440');
    const [deliveries] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = fs.readFileSync(await deliveries.path(), 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(sameStatus + 1);
    expect(csv).toContain(`"${sam.id}"`);
    await page.getByLabel('Status').selectOption('queued');
    await page.getByText('No deliveries match these filters.').waitFor();
    await page.getByLabel('Status').selectOption('');
    await rows(page).getByRole('link', { name: "Sam O'Neil" }).click();
    await heading(page, "Sam O'Neil");
    expect(new URL(page.url()).pathname).toBe(`/new-hires/${sam.id}`);

    if (watched.problems.length > 0) await screenshot(page, 'FAILED-logs');
    expect(watched.problems).toEqual([]);
    expect(watched.dialogs).toEqual([]);
    expect(watched.apiRefusals.filter((r) => r !== '401 /api/v1/auth/session')).toEqual([]);
  }, 120_000);
});

async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } }).document
        .scrollingElement.scrollWidth,
  );
  expect(scrollWidth, `${page.url()} is ${String(scrollWidth)} px wide`).toBeLessThanOrEqual(width);
}
