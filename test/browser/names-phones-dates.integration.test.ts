import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserTestsEnabled,
  createFirstAdmin,
  pageScrollWidth,
  screenshotAndAudit,
  useBrowserSuite,
} from '../support/browser.js';

/**
 * Names, phone numbers and dates as people read them, at 1440 px and 390 px: a Japanese name in the
 * directory (the page's fonts name CJK faces, so it renders wherever the browser has one), a phone
 * number stored in its international form and shown grouped with its country, a start date in the
 * browser's locale with the ISO date on hover, and a bad phone or an over-long value refused in words.
 */

const ADMIN = { name: 'Pat People', email: 'pat@northwind.example', password: 'a long enough passphrase' };
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };
const FILE = [
  'firstName,lastName,workEmail,personalPhone,employmentStartDate',
  '太郎,山田,taro@example.com,+81 3-1234-5678,2031-03-01',
  'Bad,Phone,bad.phone@example.com,12345,2031-03-01',
].join('\n');

const enabled = browserTestsEnabled();

describe.skipIf(!enabled)('Names, phone numbers and dates in the admin app (SQLite)', () => {
  const suite = useBrowserSuite();

  const heading = (page: Page, name: string) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  it('shows a CJK name, a phone with its country and a locale date; refuses a bad phone and an over-long value in words', async () => {
    const stack = suite.stack();
    const watched = await suite.open({ locale: 'en-GB' });
    const { page } = watched;
    await page.setViewportSize(LAPTOP);
    await createFirstAdmin(page, stack.setupUrl, ADMIN);

    // The phone is checked and normalised on the way in; a number without its country is refused by line.
    const imported = await stack.api<{ imported: number; problems: { line: number; message: string }[] }>(
      '/api/v1/members/import',
      { method: 'POST', body: JSON.stringify({ csv: FILE }) },
    );
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(1);
    expect(imported.body.problems).toEqual([
      { line: 3, message: expect.stringMatching(/personalPhone.*phone number with its country code/) },
    ]);
    const members = await stack.api<{ items: { id: string; fields: Record<string, unknown> }[] }>(
      '/api/v1/members',
    );
    const taro = members.body.items[0]!;
    expect(taro.fields['personalPhone']).toBe('+81312345678');

    await page.goto('/members');
    await heading(page, 'Members');
    const link = page.getByRole('link', { name: '太郎 山田' });
    await link.waitFor();
    // The font stack goes on to CJK faces rather than ending at Latin-only ones.
    const fonts = await link.evaluate(
      (el) =>
        (
          globalThis as unknown as { getComputedStyle: (e: unknown) => { fontFamily: string } }
        ).getComputedStyle(el).fontFamily,
    );
    expect(fonts).toMatch(/Noto Sans CJK JP/);
    expect(fonts).toMatch(/Hiragino Sans/);
    // One date format: the browser's locale (en-GB here), the ISO date on hover.
    const start = page.getByRole('cell').locator('time[datetime="2031-03-01"]');
    expect(await start.textContent()).toBe('1 Mar 2031');
    expect(await start.getAttribute('title')).toBe('2031-03-01');
    await screenshotAndAudit(page, 'members-cjk-1440');

    await link.click();
    await heading(page, '太郎 山田');
    const phone = page.getByRole('link', { name: '+81 3 1234 5678' });
    await phone.waitFor();
    expect(await phone.getAttribute('href')).toBe('tel:+81312345678');
    await page.getByText('· Japan').waitFor();

    // An over-long value is refused with the limit in words; the stored one stays.
    const tooLong = await stack.api<{ error: { message: string } }>(`/api/v1/members/${taro.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ fields: { jobTitle: 'x'.repeat(501) } }),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toBe(
      'Invalid body: fields.jobTitle: is too long: at most 500 characters',
    );
    const editor = page.getByRole('region', { name: 'Edit member' });
    expect(await editor.getByLabel('Job title').getAttribute('maxlength')).toBe('500');

    await page.setViewportSize(PHONE);
    await page.reload();
    await heading(page, '太郎 山田');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshotAndAudit(page, 'member-cjk-390');
    await page.goto('/members');
    await page.getByRole('link', { name: '太郎 山田' }).waitFor();
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshotAndAudit(page, 'members-cjk-390');

    expect(watched.problems).toEqual([]);
    expect(watched.dialogs).toEqual([]);
  }, 60_000);
});
