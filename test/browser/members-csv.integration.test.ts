import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserTestsEnabled,
  newWatchedContext,
  screenshotAndAudit,
  useBrowserAndStack,
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
  'Ada,Lovelace,ada@example.com,=1+1,',
  'Bad,Email,not-an-email,Engineer,',
].join('\n');

const enabled = browserTestsEnabled();

describe.skipIf(!enabled)('Members CSV import and export in the admin app (SQLite)', () => {
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

    // Edit Ada: a new title and a manager, saved with history; a work email already taken is refused
    // with the reason and the stored one kept; then offboarded with an end date.
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await heading(page, 'Ada Lovelace');
    const editor = page.getByRole('region', { name: 'Edit member' });
    await editor.getByLabel('Job title').fill('Principal Engineer');
    // Ada reports to nobody yet: Grace is chosen by type-ahead.
    await editor.getByRole('combobox', { name: 'Reports to' }).fill('grace');
    await editor.getByRole('option', { name: /^Grace Hopper/ }).click();
    await editor.getByRole('button', { name: 'Save changes' }).click();
    const history = editor.getByRole('list').filter({ hasText: 'Job title:' }).last();
    await history.getByText('Job title:').waitFor();
    expect(await history.textContent()).toContain('=1+1 → changed to Principal Engineer');
    // The manager change names Grace and links to her page: people never read a member id.
    await history.getByRole('link', { name: 'Grace Hopper' }).waitFor();
    expect(await history.textContent()).toContain('Reports to: (nobody) → changed to Grace Hopper');
    const ada = (
      await stack.api<{ items: { id: string; fields: Record<string, unknown> }[] }>('/api/v1/members')
    ).body.items.find((m) => m.fields['firstName'] === 'Ada')!;
    expect(ada.fields['jobTitle']).toBe('Principal Engineer');

    await editor.getByLabel('Work email').fill('grace@example.com');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor
      .getByRole('alert')
      .getByText(/already belongs to another member/)
      .first()
      .waitFor();
    const stored = (await stack.api<{ fields: Record<string, unknown> }>(`/api/v1/members/${ada.id}`)).body;
    expect(stored.fields['workEmail']).toBe('ada@example.com');
    await screenshotAndAudit(page, 'member-edit-refused-1440');

    await editor.getByLabel('End date (last working day)').fill('2027-03-31');
    await editor.getByRole('button', { name: 'Offboard' }).click();
    await editor
      .getByText(/^Offboarded, last day/)
      .locator('time[datetime="2027-03-31"]')
      .waitFor();
    await editor.getByText('Offboarded', { exact: true }).waitFor();

    await page.setViewportSize(PHONE);
    await page.reload();
    await heading(page, 'Ada Lovelace');
    await screenshotAndAudit(page, 'member-390');
    await page.goto('/members');
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
    // The one refusal the test provoked: the taken work email.
    expect(
      watched.apiRefusals.filter(
        (r) => r !== '401 /api/v1/auth/session' && !/^400 \/api\/v1\/members\/[^/]+$/.test(r),
      ),
    ).toEqual([]);
    expect(watched.apiRefusals.filter((r) => r.startsWith('400'))).toHaveLength(1);
  }, 90_000);
});
