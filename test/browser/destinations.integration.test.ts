import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_KEYS } from '../../src/connectors/ashby/fake/sample-fixture.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../src/connectors/webhook/fake/receiver.js';
import {
  browserTestsEnabled,
  launchBrowser,
  newWatchedContext,
  screenshot,
  screenshotAndAudit,
  startBrowserStack,
  type BrowserStack,
  type WatchedContext,
} from '../support/browser.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Destinations in the admin app, in Chromium against a real HireBridge, the Ashby simulator and a
 * Standard Webhooks receiver over loopback (ALLOW_PRIVATE_OUTBOUND=true): add a webhook destination,
 * add members with it ticked, watch a push deliver, pause on 401 (the admin's notification links to
 * the Destinations page), resume by Test, fail with the receiver's message and retry. Every page is audited with axe at 1440 and 390 px.
 */
const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // complete
const OLUWASEUN = 'cec15da7-4ddc-5495-a088-806dff7a598f'; // complete
const ADMIN = { name: 'Dee Admin', email: 'dee@northwind.example', password: 'correct horse battery' };

describe.skipIf(!browserTestsEnabled())('Destinations in the admin app (Chromium, SQLite)', () => {
  let browser: Browser;
  let stack: BrowserStack;
  let receiver: WebhookReceiver;
  let watched: WatchedContext | undefined;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    browser = await launchBrowser();
    stack = await startBrowserStack({ ALLOW_PRIVATE_OUTBOUND: 'true', DESTINATION_RETRY_BASE_MS: '20' });
    const connected = await stack.api('/api/v1/connections/ashby', {
      method: 'POST',
      body: JSON.stringify({ apiKey: SAMPLE_KEYS.full, apiUrl: stack.sim.url, name: 'Sample' }),
    });
    if (connected.status !== 201) throw new Error(`connect failed: ${connected.status}`);
  }, 60_000);
  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (stack as BrowserStack | undefined)?.dispose();
    await receiver.close();
  });
  afterEach(async (ctx) => {
    if (!watched) return;
    if (ctx.task.result?.state === 'fail') {
      const file = await screenshot(watched.page, 'FAILED-destinations').catch(() => 'no screenshot');
      console.error(
        `${watched.page.url()} (${file})\n${await watched.page
          .locator('body')
          .innerText()
          .catch(() => '')}`,
      );
    }
    const problems = watched.problems;
    await watched.close();
    watched = undefined;
    expect(problems).toEqual([]);
  });

  const heading = (page: Page, name: string) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  const bothWidths = async (page: Page, name: string) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshotAndAudit(page, `${name}-1440`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshotAndAudit(page, `${name}-390`);
    await page.setViewportSize({ width: 1440, height: 900 });
  };
  const newHireId = (applicationId: string) =>
    waitFor(
      `the new hire of ${applicationId}`,
      async () =>
        (
          await stack.api<{ items: { id: string; source: { applicationId: string } }[] }>(
            '/api/v1/new-hires?limit=500',
          )
        ).body.items.find((i) => i.source.applicationId === applicationId)?.id,
      20_000,
    );
  const addMemberInUi = async (page: Page, applicationId: string): Promise<string> => {
    stack.sim.hire(applicationId);
    await stack.settle();
    await page.goto(`/new-hires/${await newHireId(applicationId)}`);
    const box = page.getByRole('checkbox', { name: 'People webhook' });
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('link', { name: "Open the member's profile" }).click();
    await page.getByRole('heading', { name: 'Destinations', level: 2 }).waitFor();
    return new URL(page.url()).pathname.split('/').at(-1) ?? '';
  };

  it('adds a webhook destination, pushes an added member, pauses on 401, resumes, fails and retries', async () => {
    watched = await newWatchedContext(browser, stack.server.url);
    const { page } = watched;
    // Refusals the scenario causes on purpose are not problems.
    await page.goto(stack.setupUrl);
    await heading(page, 'Create the first admin');
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await heading(page, 'Integrations');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Destinations' }).click();
    await heading(page, 'Destinations');
    await page.getByText(/No destinations yet/).waitFor();
    await bothWidths(page, 'destinations-empty');
    // Every destination in the registry is offered; the webhook is the one this scenario adds.
    await page.getByLabel('Type').selectOption({ label: 'Signed webhook' });
    await page.getByLabel('Name', { exact: true }).fill('People webhook');
    await page.getByLabel('URL', { exact: true }).fill(receiver.url);
    await page.getByRole('button', { name: 'Test and add' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'Copy this now' });
    await shown.waitFor();
    const secret = (await shown.locator('code').innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    receiver.setSecret(secret);
    await page.getByRole('row').filter({ hasText: 'People webhook' }).getByText('Active').waitFor();
    await bothWidths(page, 'destinations');

    // Add member with the destination ticked: one member.created, shown Delivered on the member.
    const anna = await addMemberInUi(page, ANNA);
    await page.getByText(/People webhook.*Delivered/).waitFor({ timeout: 15_000 });
    expect(receiver.createdCounts().get(anna)).toBe(1);
    await bothWidths(page, 'member-pushes');

    // The receiver stops accepting HireBridge's signature: 401 pauses the destination.
    receiver.setSecret(`whsec_${Buffer.alloc(32, 9).toString('base64')}`);
    const oluwaseun = await addMemberInUi(page, OLUWASEUN);
    await page.getByText(/People webhook.*Paused/).waitFor({ timeout: 15_000 });
    await page
      .getByText(/credentials refused \(HTTP 401\)/)
      .first()
      .waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Failed pushes' }).click();
    await heading(page, 'Failed pushes');
    await page.getByRole('link', { name: 'Open member' }).first().waitFor();
    await bothWidths(page, 'failed-pushes');
    // The admin is told in the app too: a notice naming the destination, linked to the Destinations page.
    await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click();
    await heading(page, 'Notifications');
    const notice = page.getByRole('link', {
      name: 'Destination “People webhook” refused its credentials: pushes to it are paused',
    });
    await notice.waitFor();
    await page.getByText(/credentials refused \(HTTP 401\) · fix the credentials/).waitFor();
    await bothWidths(page, 'notifications-destination-paused');
    await notice.click();
    await heading(page, 'Destinations');
    await page.getByText('Credentials refused', { exact: true }).waitFor();
    receiver.setSecret(secret);
    await page.getByRole('button', { name: 'Test People webhook' }).click();
    await page.getByText(/Resumed 1 paused push/).waitFor();
    await waitFor('the paused push to deliver', () => receiver.createdCounts().get(oluwaseun) === 1, 15_000);

    // The receiver refuses the data (422): the push fails with its message; Retry after the fix delivers.
    receiver.failNext(1, { status: 422, body: 'jobTitle is required by the receiver' });
    await page.goto(`/members/${oluwaseun}`);
    await page.getByRole('button', { name: 'Retry push to People webhook' }).click();
    await page.getByText(/HTTP 422: jobTitle is required by the receiver/).waitFor({ timeout: 15_000 });
    await page.goto('/pushes');
    await page.getByText(/HTTP 422: jobTitle is required by the receiver/).waitFor();
    await page.getByRole('button', { name: 'Retry push to People webhook' }).click();
    await waitFor(
      'the retried push to deliver',
      async () =>
        (await stack.api<{ items: { status: string }[] }>(`/api/v1/members/${oluwaseun}/pushes`)).body
          .items[0]?.status === 'delivered',
      15_000,
    );
    expect(receiver.createdCounts().get(oluwaseun)).toBe(1);
  }, 180_000);
});
