import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_KEYS } from '../../src/connectors/ashby/fake/sample-fixture.js';
import { browserTestsEnabled, screenshot, screenshotAndAudit, useBrowserSuite } from '../support/browser.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Erasure and sensitive fields in Chromium at 1440 px and 390 px: a member Ashby deleted shows on the
 * Overview and on its page ("Ashby deleted this candidate: erase?"), Erase member asks for a
 * confirmation and then says what it did; the mapping editor marks Compensation fields sensitive and
 * lets an admin mark others. Axe clean, no console error or refused call.
 */

const KEVIN = '9fb6f1e1-e29f-5730-9ab5-b4f8f5efa078';
const ADMIN = { name: 'Pat People', email: 'pat@northwind.example', password: 'a long enough passphrase' };
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };

describe.skipIf(!browserTestsEnabled())('Erasure and sensitive fields in the admin app (SQLite)', () => {
  const suite = useBrowserSuite();
  const heading = (page: Page, name: string, level = 1) =>
    page.getByRole('heading', { level, name, exact: true }).waitFor();

  it('asks about a member Ashby deleted, erases it after a confirmation, and marks fields sensitive', async () => {
    const stack = suite.stack();
    const watched = await suite.open();
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
      body: JSON.stringify({ apiKey: SAMPLE_KEYS.full, apiUrl: stack.sim.url }),
    });
    expect(connected.status).toBe(201);

    stack.sim.hire(KEVIN);
    const hire = await waitFor('the new hire', async () => {
      const list = await stack.api<{ items: { id: string; source: { applicationId: string } }[] }>(
        '/api/v1/new-hires?limit=500',
      );
      return list.body.items.find((h) => h.source.applicationId === KEVIN);
    });
    const added = await stack.api<{ id: string; fields: Record<string, unknown> }>(
      `/api/v1/new-hires/${hire.id}/add-member`,
      { method: 'POST' },
    );
    expect(added.status).toBe(201);
    const name = `${String(added.body.fields['firstName'])} ${String(added.body.fields['lastName'])}`;
    stack.sim.deleteCandidate(stack.sim.application(KEVIN)!.candidate.id);
    await stack.settle();

    // The Overview lists it for an admin.
    await page.goto('/overview');
    await heading(page, 'Overview');
    const card = page.getByRole('region', { name: 'Deleted in Ashby: erase?' });
    await card.getByRole('link', { name }).waitFor();
    await screenshotAndAudit(page, 'erasure-overview-1440');

    // The member page asks, on a phone too.
    await card.getByRole('link', { name }).click();
    await heading(page, name);
    await heading(page, 'Ashby deleted this candidate: erase?', 2);
    await screenshotAndAudit(page, 'erasure-member-1440');
    await page.setViewportSize(PHONE);
    await page.reload();
    await heading(page, 'Ashby deleted this candidate: erase?', 2);
    await screenshotAndAudit(page, 'erasure-member-390');

    await page.getByRole('button', { name: 'Erase member' }).click();
    const dialog = page.getByRole('dialog', { name: `Erase ${name}?` });
    await dialog.waitFor();
    await dialog.getByText('This cannot be undone').waitFor();
    await dialog.getByRole('button', { name: 'Erase', exact: true }).click();
    await heading(page, `${name} was erased`, 2);
    await screenshotAndAudit(page, 'erasure-done-390');
    expect((await stack.api(`/api/v1/members/${added.body.id}`)).status).toBe(404);

    // The mapping editor: Compensation is always sealed, the job title may be marked.
    await page.setViewportSize(LAPTOP);
    await page.goto('/mapping');
    await heading(page, 'Field mapping');
    const salary = page.getByLabel('Salary amount is sensitive (sealed at rest)');
    await salary.waitFor();
    expect(await salary.isChecked()).toBe(true);
    expect(await salary.isDisabled()).toBe(true);
    const title = page.getByLabel('Job title is sensitive (sealed at rest)');
    expect(await title.isChecked()).toBe(false);
    expect(await page.getByLabel('Last name is sensitive (sealed at rest)').isDisabled()).toBe(true);
    await title.check();
    await screenshotAndAudit(page, 'mapping-sensitive-1440');

    if (watched.problems.length > 0) await screenshot(page, 'FAILED-erasure');
    expect(watched.problems).toEqual([]);
    expect(watched.dialogs).toEqual([]);
    expect(watched.apiRefusals.filter((r) => r !== '401 /api/v1/auth/session')).toEqual([]);
  }, 90_000);
});
