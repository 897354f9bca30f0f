import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
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
 * Bulk work on the New hires list and choosing managers from the directory, in Chromium at 1440 px and
 * 390 px with the axe audit: rows selected (one by one or all on the page), "Add N members" and
 * "Delete N hires" each with one confirmation, the result naming every hire that was not done and why;
 * "Reporting to" chosen by type-ahead with the keyboard; a member whose Ashby manager was not in the
 * directory matched in one click once that person is. The tests run in order: the first creates the
 * admin the others sign in as.
 */

const OLUWASEUN = 'cec15da7-4ddc-5495-a088-806dff7a598f'; // complete
const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // complete; reports to Chen Wei (not in the directory)
const SAM = 'a00a15ed-90d6-5790-a42c-e1751b7e19ed'; // Sam O'Neil: personal email missing
const JOSE = '33cb412c-73af-5d5a-933f-a7ca2980c608';
const ADMIN = { name: 'Pat People', email: 'pat@northwind.example', password: 'a long enough passphrase' };
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };
const DIRECTORY = [
  'firstName,lastName,workEmail,jobTitle',
  'Grace,Hopper,grace@example.com,CTO',
  'Alan,Turing,alan@example.com,Researcher',
].join('\n');

interface NewHireBody {
  id: string;
  status: string;
  fields: Record<string, { value: unknown } | undefined>;
  memberId: string | null;
  reportingTo: { status: string; memberId?: string };
  source: { applicationId: string };
}
interface MemberBody {
  id: string;
  fields: Record<string, unknown>;
  managerId: string | null;
}

const enabled = browserTestsEnabled();

describe.skipIf(!enabled)('Bulk actions and managers from the directory, on a laptop and a phone', () => {
  let browser: Browser;
  let stack: BrowserStack;
  let adminState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;
  let opened: WatchedContext[] = [];
  const hireIds: Record<string, string> = {};

  useBrowserAndStack((b, s) => {
    browser = b;
    stack = s;
  });
  afterEach(async (ctx) => {
    const contexts = opened;
    opened = [];
    if (ctx.task.result?.state === 'fail') {
      for (const [i, c] of contexts.entries()) {
        const name = `FAILED-${ctx.task.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}-${i}`;
        const file = await screenshot(c.page, name).catch(() => 'no screenshot');
        console.error(`${c.page.url()} (${file})`);
        if (c.problems.length > 0) console.error(`Problems in this context:\n${c.problems.join('\n')}`);
      }
    }
    const problems = contexts.flatMap((c) => c.problems);
    const dialogs = contexts.flatMap((c) => c.dialogs);
    const refusals = contexts.flatMap((c) => c.apiRefusals.filter((r) => r !== '401 /api/v1/auth/session'));
    await Promise.all(contexts.map((c) => c.close()));
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(refusals).toEqual([]);
  });

  const open = async (viewport = LAPTOP, signedIn = true): Promise<WatchedContext> => {
    if (signedIn && !adminState) throw new Error('the first test did not create the admin');
    const watched = await newWatchedContext(browser, stack.server.url, {
      ...(signedIn && adminState ? { storageState: adminState } : {}),
    });
    opened.push(watched);
    await watched.page.setViewportSize(viewport);
    return watched;
  };
  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  const hire = async (applicationId: string) =>
    (await stack.api<NewHireBody>(`/api/v1/new-hires/${hireIds[applicationId]!}`)).body;
  const member = async (id: string) => (await stack.api<MemberBody>(`/api/v1/members/${id}`)).body;
  const memberNamed = async (firstName: string) => {
    const all = await stack.api<{ items: MemberBody[] }>('/api/v1/members?limit=500');
    return all.body.items.find((m) => m.fields['firstName'] === firstName) ?? expect.fail(firstName);
  };
  const importMembers = async (csv: string) => {
    const answer = await stack.api('/api/v1/members/import', {
      method: 'POST',
      body: JSON.stringify({ csv }),
    });
    expect(answer.status).toBe(200);
  };

  it('sets up: the first admin, Ashby connected, four hires and a small directory', async () => {
    const first = await open(LAPTOP, false);
    await first.page.goto(stack.setupUrl);
    await first.page.getByLabel('Your name').fill(ADMIN.name);
    await first.page.getByLabel('Email').fill(ADMIN.email);
    await first.page.getByLabel('Password').fill(ADMIN.password);
    await first.page.getByRole('button', { name: 'Create admin account' }).click();
    await heading(first.page, 'Integrations');
    adminState = await first.context.storageState();

    const connected = await stack.api('/api/v1/connections/ashby', {
      method: 'POST',
      body: JSON.stringify({ apiKey: SAMPLE_KEYS.full, apiUrl: stack.sim.url }),
    });
    expect(connected.status).toBe(201);
    for (const applicationId of [OLUWASEUN, ANNA, SAM, JOSE]) stack.sim.hire(applicationId);
    await waitFor(
      'four new hires',
      async () => {
        const list = await stack.api<{ items: NewHireBody[] }>('/api/v1/new-hires?limit=500');
        for (const item of list.body.items) hireIds[item.source.applicationId] = item.id;
        return list.body.items.length === 4 || undefined;
      },
      20_000,
      100,
    );
    await importMembers(DIRECTORY);
  }, 60_000);

  it('selects rows and adds them with one confirmation; the hire it could not add is named and stays selected', async () => {
    const { page } = await open(LAPTOP);
    await page.goto('/new-hires');
    await heading(page, 'New hires');
    const checkbox = (name: string | RegExp) =>
      page.getByRole('checkbox', { name: typeof name === 'string' ? `Select ${name}` : name });
    await checkbox('Anna-Lena van der Berg').check();
    await checkbox('Oluwaseun Adeyemi').check();
    await checkbox("Sam O'Neil").check();
    const bar = page.getByRole('group', { name: 'Selected new hires' });
    await bar.getByText('3 selected').waitFor();
    // Some but not all rows selected: "Select all on this page" shows it is partly ticked.
    const selectAll = bar.getByRole('checkbox', { name: 'Select all on this page' });
    expect(await selectAll.evaluate((e) => (e as unknown as { indeterminate: boolean }).indeterminate)).toBe(
      true,
    );
    await bar.getByRole('button', { name: 'Add 3 members' }).click();

    const confirm = page.getByRole('dialog', { name: 'Add 3 new hires to the directory?' });
    await confirm.waitFor();
    await confirm.getByText('1 of them has required fields missing and will not be added.').waitFor();
    await confirm.getByRole('listitem').filter({ hasText: "Sam O'Neil" }).waitFor();
    await screenshotAndAudit(page, 'bulk-add-confirm-1440');
    await confirm.getByRole('button', { name: 'Add 3 members' }).click();
    await confirm.waitFor({ state: 'hidden' });

    const outcome = page.getByRole('status').filter({ hasText: 'Added to the directory: 2 of 3.' });
    await outcome.waitFor();
    await outcome.getByText("Sam O'Neil: missing required fields: personal email").waitFor();
    expect((await hire(ANNA)).status).toBe('added');
    expect((await hire(OLUWASEUN)).status).toBe('added');
    expect((await hire(SAM)).status).toBe('in_review');
    // Sam stays selected, to fix and try again; the added ones leave the in-review list.
    await page
      .getByRole('link', { name: 'Anna-Lena van der Berg', exact: true })
      .waitFor({ state: 'detached' });
    expect(await checkbox("Sam O'Neil").isChecked()).toBe(true);
    await bar.getByText('1 selected').waitFor();
    await screenshotAndAudit(page, 'bulk-add-outcome-1440');

    // Delete: José only, with its own single confirmation.
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await checkbox(/^Select Jos/).check();
    await bar.getByRole('button', { name: 'Delete 1 hire' }).click();
    const confirmDelete = page.getByRole('dialog', { name: 'Delete 1 new hire?' });
    await confirmDelete.waitFor();
    await confirmDelete.getByRole('button', { name: 'Delete 1 hire' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted: 1 of 1.' }).waitFor();
    expect((await hire(JOSE)).status).toBe('deleted');
    expect((await hire(SAM)).status).toBe('in_review');
  }, 60_000);

  it('on a phone: the selection bar and list fit the screen and pass axe', async () => {
    const { page } = await open(PHONE);
    await page.goto('/new-hires');
    await heading(page, 'New hires');
    const bar = page.getByRole('group', { name: 'Selected new hires' });
    await bar.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await bar.getByText('1 selected').waitFor();
    expect(await page.getByRole('checkbox', { name: "Select Sam O'Neil" }).isChecked()).toBe(true);
    await expectNoSidewaysScroll(page, PHONE.width);
    await screenshotAndAudit(page, 'bulk-selection-390');
    await bar.getByRole('button', { name: 'Add 1 member' }).click();
    const confirm = page.getByRole('dialog', { name: 'Add 1 new hire to the directory?' });
    await confirm.waitFor();
    await expectNoSidewaysScroll(page, PHONE.width);
    await screenshotAndAudit(page, 'bulk-add-confirm-390');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await hire(SAM)).status).toBe('in_review');
  }, 60_000);

  for (const viewport of [LAPTOP, PHONE]) {
    it(`Reporting to is chosen from the directory by type-ahead, with the keyboard (${String(viewport.width)} px)`, async () => {
      const { page } = await open(viewport);
      await page.goto(`/new-hires/${hireIds[SAM]!}`);
      await heading(page, "Sam O'Neil");
      await page.getByRole('button', { name: 'Edit Reporting to' }).click();
      const box = page.getByRole('combobox', { name: 'Reporting to' });
      await box.fill('');
      await box.pressSequentially(viewport === LAPTOP ? 'grac' : 'alan', { delay: 20 });
      const wanted = viewport === LAPTOP ? 'Grace Hopper' : 'Alan Turing';
      await page.getByRole('option', { name: new RegExp(`^${wanted}`) }).waitFor();
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      await page.getByText('1 member matches.').waitFor();
      await expectNoSidewaysScroll(page, viewport.width);
      await screenshotAndAudit(page, `reporting-to-typeahead-${String(viewport.width)}`);
      // Escape closes the list and keeps the text; Down opens it again and moves to the option; Enter chooses.
      await box.press('Escape');
      await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
      expect(await box.inputValue()).toBe(viewport === LAPTOP ? 'grac' : 'alan');
      await box.press('ArrowDown');
      await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => box.getAttribute('aria-activedescendant')).toBeTruthy();
      await box.press('Enter');
      await expect.poll(() => box.inputValue()).toBe(wanted);
      await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Matched', { exact: true }).waitFor();
      const chosen = await memberNamed(wanted.split(' ')[0]!);
      const stored = await hire(SAM);
      expect(stored.fields['reportingTo']?.value).toMatchObject({ name: wanted });
      expect(stored.reportingTo).toEqual({ status: 'matched', memberId: chosen.id, by: 'email' });
    }, 60_000);
  }

  it('a member whose Ashby manager was not in the directory is matched in one click once they are', async () => {
    const { page } = await open(PHONE);
    const annaMember = (await hire(ANNA)).memberId!;
    expect((await member(annaMember)).managerId).toBeNull();
    await page.goto(`/members/${annaMember}`);
    await heading(page, 'Anna-Lena van der Berg');
    const line = page.getByRole('region', { name: 'Reporting line' });
    await line.getByText('Not in the directory').waitFor();
    expect(await line.getByRole('button').count()).toBe(0);

    await importMembers('firstName,lastName,workEmail,jobTitle\nChen,Wei,chen.wei@northwind.example,Manager');
    await page.reload();
    await heading(page, 'Anna-Lena van der Berg');
    await line.getByText('Chen Wei is in the directory now (same email).').waitFor();
    await expectNoSidewaysScroll(page, PHONE.width);
    await screenshotAndAudit(page, 'manager-match-offered-390');
    await line.getByRole('button', { name: 'Set Chen Wei as manager' }).click();
    await line.getByRole('link', { name: 'Chen Wei' }).waitFor();
    const chen = await memberNamed('Chen');
    expect((await member(annaMember)).managerId).toBe(chen.id);

    // The member editor chooses the manager by type-ahead too.
    await page.setViewportSize(LAPTOP);
    const editor = page.getByRole('region', { name: 'Edit member' });
    const reportsTo = editor.getByRole('combobox', { name: 'Reports to' });
    await expect.poll(() => reportsTo.inputValue()).toBe('Chen Wei');
    await reportsTo.fill('turing');
    await editor.getByRole('option', { name: /^Alan Turing/ }).click();
    await editor.getByRole('button', { name: 'Save changes' }).click();
    // The editor starts afresh from the saved member (keyed by its update time); the line shows the choice.
    await line.getByRole('link', { name: 'Alan Turing' }).waitFor();
    const alan = await memberNamed('Alan');
    expect((await member(annaMember)).managerId).toBe(alan.id);
    await screenshotAndAudit(page, 'member-manager-typeahead-1440');
  }, 60_000);
});

/** The page is no wider than the window: nothing needs scrolling sideways. */
async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number } } }).document
        .scrollingElement.scrollWidth,
  );
  expect(scrollWidth, `${page.url()} is ${String(scrollWidth)} px wide`).toBeLessThanOrEqual(width);
}
