import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserTestsEnabled,
  launchBrowser,
  newWatchedContext,
  screenshotAndAudit,
  startBrowserStack,
  type BrowserStack,
  type WatchedContext,
} from '../support/browser.js';

/**
 * The directory's CSV import and export in the admin app, at 1440 px and 390 px: a preview that names
 * each bad line and saves nothing, the import, and an export whose formula-like cells are neutralised.
 */

const ADMIN = { name: 'Pat People', email: 'pat@northwind.example', password: 'a long enough passphrase' };
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };
const FILE = [
  'firstName,lastName,workEmail,jobTitle,managerEmail',
  'Grace,Hopper,grace@example.com,CTO,',
  'Ada,Lovelace,ada@example.com,=1+1,grace@example.com',
  'Bad,Email,not-an-email,Engineer,',
].join('\n');

const enabled = browserTestsEnabled();

describe.skipIf(!enabled)('Members CSV import and export in the admin app (SQLite)', () => {
  let browser: Browser;
  let stack: BrowserStack;
  const opened: WatchedContext[] = [];

  beforeAll(async () => {
    const [launched, started] = await Promise.allSettled([launchBrowser(), startBrowserStack()]);
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'fulfilled') stack = started.value;
    if (launched.status === 'rejected') throw launched.reason;
    if (started.status === 'rejected') throw started.reason;
  }, 60_000);
  afterAll(async () => {
    for (const c of opened) await c.close();
    await (browser as Browser | undefined)?.close();
    await (stack as BrowserStack | undefined)?.dispose();
  });

  const heading = (page: Page, name: string) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

  it('previews with problems by line, imports the good rows, and exports CSV safe for spreadsheets', async () => {
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

    await page.goto('/members');
    await heading(page, 'Members');
    const card = page.getByRole('region', { name: 'Import members from CSV' });
    await card.getByLabel('CSV file').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(FILE),
    });
    await card.getByRole('button', { name: 'Preview' }).click();
    await card.getByText(/Preview of people\.csv: 2 rows can be imported; 1 with problems/).waitFor();
    const problems = card.getByRole('table', { name: 'Problems by line' });
    const line4 = problems.getByRole('row').filter({ hasText: 'workEmail' });
    expect(await line4.getByRole('cell').first().textContent()).toBe('4');
    const members = await stack.api<{ items: unknown[] }>('/api/v1/members');
    expect(members.body.items).toHaveLength(0);
    await screenshotAndAudit(page, 'members-import-preview-1440');

    await card.getByRole('button', { name: 'Import 2 members' }).click();
    await card.getByText('Imported 2 members; 1 row skipped.').waitFor();
    await page.getByRole('link', { name: 'Ada Lovelace' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const exported = fs.readFileSync(await download.path(), 'utf8');
    expect(exported).toContain(`"'=1+1"`);
    expect(exported).toContain('"grace@example.com"');

    await page.setViewportSize(PHONE);
    await page.reload();
    await heading(page, 'Members');
    await page.getByRole('link', { name: 'Ada Lovelace' }).waitFor();
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } }).document
          .scrollingElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await screenshotAndAudit(page, 'members-390');

    expect(watched.problems).toEqual([]);
    expect(watched.dialogs).toEqual([]);
    expect(watched.apiRefusals.filter((r) => r !== '401 /api/v1/auth/session')).toEqual([]);
  }, 90_000);
});
