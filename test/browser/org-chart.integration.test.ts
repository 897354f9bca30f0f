import { describe, expect, it } from 'vitest';
import {
  browserTestsEnabled,
  createFirstAdmin,
  pageScrollWidth,
  screenshotAndAudit,
  useBrowserSuite,
} from '../support/browser.js';

/**
 * The members org chart at 1440 px and 390 px: reporting lines as nested lists (Grace heads Ada, who
 * heads Alan; Bob reports to no one), folded with the keyboard, axe clean, no sideways scrolling.
 */

const ADMIN = { name: 'Pat People', email: 'pat@northwind.example', password: 'a long enough passphrase' };
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };
const FILE = [
  'firstName,lastName,workEmail,jobTitle,managerEmail',
  'Grace,Hopper,grace@example.com,CTO,',
  'Ada,Lovelace,ada@example.com,Engineering lead,grace@example.com',
  'Alan,Turing,alan@example.com,Engineer,ada@example.com',
  'Katherine,Johnson,katherine@example.com,Engineer,ada@example.com',
  'Bob,Solo,bob@example.com,Advisor,',
].join('\n');

const enabled = browserTestsEnabled();

describe.skipIf(!enabled)('Members org chart in the admin app (SQLite)', () => {
  const suite = useBrowserSuite();

  it('shows reporting lines as nested lists, foldable, on a laptop and a phone', async () => {
    const stack = suite.stack();
    const watched = await suite.open();
    const { page } = watched;
    await page.setViewportSize(LAPTOP);
    await createFirstAdmin(page, stack.setupUrl, ADMIN);
    const imported = await stack.api<{ imported: number }>('/api/v1/members/import', {
      method: 'POST',
      body: JSON.stringify({ csv: FILE }),
    });
    expect(imported.body.imported).toBe(5);

    await page.goto('/members');
    await page.getByRole('link', { name: 'Org chart' }).click();
    await page.getByRole('heading', { level: 1, name: 'Org chart' }).waitFor();
    const chart = page.locator('ul.org-chart');
    // Two lines: Bob alone, Grace over Ada over Alan and Katherine.
    // The heading comes before the list: wait for the chart itself.
    await chart.getByRole('link', { name: 'Bob Solo' }).waitFor();
    const top = chart.locator(':scope > li');
    expect(await top.count()).toBe(2);
    const grace = top.filter({ has: page.getByRole('link', { name: 'Grace Hopper', exact: true }) });
    await grace.getByText('1 direct, 3 in all').waitFor();
    const ada = grace.locator('ul > li').filter({ has: page.getByRole('link', { name: 'Ada Lovelace' }) });
    await ada.getByText('2 direct, 2 in all').waitFor();
    const adaReports = ada.locator('ul > li').getByRole('link');
    expect(await adaReports.allTextContents()).toEqual(['Alan Turing', 'Katherine Johnson']);
    await page.getByText('2 people report to no one in the directory', { exact: false }).waitFor();
    await screenshotAndAudit(page, 'org-chart-1440');

    // Folded with the keyboard: Ada's reports hide, then show again.
    const adaSummary = ada.locator('summary').first();
    await adaSummary.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Alan Turing' }).waitFor({ state: 'hidden' });
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Alan Turing' }).waitFor();

    await page.getByRole('link', { name: 'Alan Turing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alan Turing' }).waitFor();

    await page.setViewportSize(PHONE);
    await page.goto('/members/org-chart');
    await page.getByRole('link', { name: 'Katherine Johnson' }).waitFor();
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshotAndAudit(page, 'org-chart-390');

    expect(watched.problems).toEqual([]);
    expect(watched.dialogs).toEqual([]);
  }, 60_000);
});
