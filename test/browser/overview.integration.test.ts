import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OverviewResponse } from '../../src/contract/overview.js';
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
 * The Overview page, the landing page of admins and inbox managers, in Chromium at 1440 px and 390 px:
 * the figures the server computed (review queue, hires per month with its table, time to Add member)
 * shown, no sideways scrolling, axe clean, and no console error, CSP violation or refused call.
 */

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d';
const SAM = 'a00a15ed-90d6-5790-a42c-e1751b7e19ed';
const OLUWASEUN = 'cec15da7-4ddc-5495-a088-806dff7a598f';
const ADMIN = { name: 'Pat People', email: 'pat@northwind.example', password: 'a long enough passphrase' };
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };

const enabled = browserTestsEnabled();

describe.skipIf(!enabled)('The Overview page, on a laptop and a phone (SQLite)', () => {
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

  it('shows the review queue, hires per month as a chart and a table, and the time to Add member', async () => {
    const first = await newWatchedContext(browser, stack.server.url);
    opened.push(first);
    await first.page.setViewportSize(LAPTOP);
    await first.page.goto(stack.setupUrl);
    await first.page.getByLabel('Your name').fill(ADMIN.name);
    await first.page.getByLabel('Email').fill(ADMIN.email);
    await first.page.getByLabel('Password').fill(ADMIN.password);
    await first.page.getByRole('button', { name: 'Create admin account' }).click();
    await heading(first.page, 'Integrations');

    const connected = await stack.api('/api/v1/connections/ashby', {
      method: 'POST',
      body: JSON.stringify({ apiKey: SAMPLE_KEYS.full, apiUrl: stack.sim.url }),
    });
    expect(connected.status).toBe(201);
    for (const id of [ANNA, SAM, OLUWASEUN]) stack.sim.hire(id);
    const inReview = await waitFor(
      'three hires in review',
      async () => {
        const list = await stack.api<{ items: { id: string; source: { applicationId: string } }[] }>(
          '/api/v1/new-hires?limit=500&status=in_review',
        );
        return list.body.items.length === 3 ? list.body.items : undefined;
      },
      20_000,
      100,
    );
    const anna = inReview.find((h) => h.source.applicationId === ANNA)!;
    expect((await stack.api(`/api/v1/new-hires/${anna.id}/add-member`, { method: 'POST' })).status).toBe(201);
    await stack.settle();
    const figures = (await stack.api<OverviewResponse>('/api/v1/overview')).body;
    expect(figures.review.total).toBe(2);
    expect(figures.timeToAdd.count).toBe(1);

    // The signed-in home is the Overview.
    const { page } = first;
    await page.goto('/');
    await heading(page, 'Overview');
    expect(new URL(page.url()).pathname).toBe('/overview');
    const stats = page.getByRole('list', { name: 'Key figures' });
    await stats.getByText('waiting for review').waitFor();
    expect(await stats.getByRole('listitem').first().textContent()).toContain('2waiting for review');
    await stats.getByText('under an hour').waitFor();
    await stats.getByText('median time from Ashby hire to Add member').waitFor();
    await page.getByRole('link', { name: "Sam O'Neil" }).first().waitFor();

    // The chart is one labelled image; the numbers are in the table beside it, month by month.
    const chart = page.getByRole('img', { name: /hires in the last 12 months/ });
    await chart.waitFor();
    const table = page.getByRole('table', { name: 'Hires per month' });
    expect(await table.getByRole('row').count()).toBe(13);
    const thisMonth = figures.hiresPerMonth.at(-1)!;
    expect(thisMonth.count).toBe(3);
    expect(await table.getByRole('row').last().getByRole('cell').textContent()).toBe('3');
    await expectNoSidewaysScroll(page, LAPTOP.width);
    await screenshotAndAudit(page, 'overview-1440');

    // On a phone: the same page, stacked, the navigation folded behind Menu.
    await page.setViewportSize(PHONE);
    await page.reload();
    await heading(page, 'Overview');
    await chart.waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await expectNoSidewaysScroll(page, PHONE.width);
    await screenshotAndAudit(page, 'overview-390');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New hires' }).click();
    await heading(page, 'New hires');

    // Backfill from the admin app, on the phone: "Include past hires" imports whatever the start date.
    await page.goto('/integrations');
    await heading(page, 'Integrations');
    const card = page.getByRole('region', { name: 'Import hires Ashby already has' });
    await card.getByLabel('Include past hires').check();
    expect(await card.getByLabel('Starting on or after (optional)').isDisabled()).toBe(true);
    await card.getByRole('button', { name: 'Import hires' }).click();
    await card
      .getByRole('status')
      .getByText(/\d+ hired applications found in Ashby; \d+ imports queued/)
      .waitFor();
    await card.getByText('Every hire is imported, whatever its start date.').waitFor();
    await expectNoSidewaysScroll(page, PHONE.width);
    await screenshotAndAudit(page, 'integrations-backfill-390');

    // The progress is the server's: after a reload the bar is still there and runs to the end.
    await page.reload();
    await heading(page, 'Integrations');
    const progress = card.getByRole('progressbar');
    await progress.waitFor();
    await card.getByText(/hires? found in Ashby · \d+ imports queued · \d+ hires? imported/).waitFor();
    await card.getByText('Last backfill finished').waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute('value')).toBe(await progress.getAttribute('max'));

    // Sync now: the reconciliation at once, with what it found.
    await card.getByRole('button', { name: 'Sync hires now' }).click();
    await card.getByText(/^Checked \d+ (changed )?applications in Ashby; \d+ hired/).waitFor();
    await expectNoSidewaysScroll(page, PHONE.width);
    await screenshotAndAudit(page, 'integrations-progress-390');
    await page.setViewportSize(LAPTOP);
    await screenshotAndAudit(page, 'integrations-progress-1440');

    // A deleted new hire is restored from its page and returns to review.
    const hires = await stack.api<{ items: { id: string; status: string }[] }>(
      '/api/v1/new-hires?limit=500&status=in_review',
    );
    const victim = hires.body.items[0]!;
    expect((await stack.api(`/api/v1/new-hires/${victim.id}`, { method: 'DELETE' })).status).toBeLessThan(
      300,
    );
    await page.goto(`/new-hires/${victim.id}`);
    await page.getByText('This new hire was deleted.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Restore new hire' }).click();
    await page
      .getByRole('status')
      .getByText(/^Restored\./)
      .waitFor();
    await screenshotAndAudit(page, 'new-hire-restored-1440');
    await expect
      .poll(async () => (await stack.api<{ status: string }>(`/api/v1/new-hires/${victim.id}`)).body.status, {
        timeout: 20_000,
      })
      .toBe('in_review');

    if (first.problems.length > 0) await screenshot(page, 'FAILED-overview');
    expect(first.problems).toEqual([]);
    expect(first.dialogs).toEqual([]);
    expect(first.apiRefusals.filter((r) => r !== '401 /api/v1/auth/session')).toEqual([]);
  }, 90_000);
});

async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } }).document
        .scrollingElement.scrollWidth,
  );
  expect(scrollWidth, `${page.url()} is ${String(scrollWidth)} px wide`).toBeLessThanOrEqual(width);
}
