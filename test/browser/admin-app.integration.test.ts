import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  browserTestsEnabled,
  clearScreenshots,
  newWatchedContext,
  screenshot,
  screenshotAndAudit,
  useBrowserAndStack,
  type BrowserStack,
  type WatchedContext,
} from '../support/browser.js';
import { SAMPLE_KEYS } from '../../src/connectors/ashby/fake/sample-fixture.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Issue 7's browser tests: the admin web app, driven by Debian's Chromium against a real HireBridge and
 * the Ashby simulator over loopback HTTP, through the UI only (the API only to assert, and the
 * simulator to hire, as a recruiter would in Ashby). The tests run in order and build on each other:
 * the first creates the admin and the connection the others use. Every page is watched for console
 * errors, CSP violations, uncaught errors, 5xx and dialogs (test/support/browser.ts).
 */

// Sample company applications (src/connectors/ashby/fixtures/sample-company.json).
const SAM = 'a00a15ed-90d6-5790-a42c-e1751b7e19ed'; // Sam O'Neil: only a Work email, so no personal email
const OLUWASEUN = 'cec15da7-4ddc-5495-a088-806dff7a598f'; // Oluwaseun Adeyemi: complete
const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // Anna-Lena van der Berg: complete, Contract type
const JOSE = '33cb412c-73af-5d5a-933f-a7ca2980c608'; // José María Núñez: offer "Contract type" = Permanent
const ERIK = 'b13b651c-235d-5e4b-9762-43d6a744fb5a'; // Erik Johansson: Active, complete once hired
const ENGINEER_JOB = 'ff019fdc-21e6-5525-bb6c-d3e598fd3b55'; // Senior Backend Engineer

const XSS_NAME = '<img src=x onerror=alert(1)>';
const ADMIN = { name: 'Ada Admin', email: 'ada@northwind.example', password: 'correct horse battery' };
const INBOX = { name: 'Ian Inbox', email: 'ian@northwind.example', password: 'another long passphrase' };

interface NewHireBody {
  id: string;
  status: string;
  fields: Record<string, { value: unknown }>;
  missingRequired: string[];
  source: { applicationId: string; connectionId: string };
}

const enabled = browserTestsEnabled();

describe.skipIf(!enabled)('Admin web app in Chromium (SQLite)', () => {
  // Assigned in beforeAll (and left undefined there if starting failed, for afterAll to see).
  let browser: Browser;
  let stack: BrowserStack;
  /** The first admin's signed-in browser state (cookies), so later tests start signed in. */
  let adminState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;
  let opened: WatchedContext[] = [];
  const expectedRefusals = new Map<WatchedContext, RegExp[]>();

  useBrowserAndStack(
    (b, s) => {
      browser = b;
      stack = s;
    },
    { beforeStart: clearScreenshots },
  );
  afterEach(async (ctx) => {
    const contexts = opened;
    opened = [];
    if (ctx.task.result?.state === 'fail') {
      // What the browser showed when the test failed, for the person reading the failure.
      for (const [i, c] of contexts.entries()) {
        const name = `FAILED-${ctx.task.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}-${i}`;
        const file = await screenshot(c.page, name).catch(() => 'no screenshot');
        console.error(
          `${c.page.url()} (${file})\n${await c.page
            .locator('body')
            .innerText()
            .catch(() => '')}`,
        );
        if (c.problems.length > 0) console.error(`Problems in this context:\n${c.problems.join('\n')}`);
      }
    }
    const problems = contexts.flatMap((c) => c.problems);
    // API refusals only where the test expects them (the session probe before anyone signed in is one).
    const refusals = contexts.flatMap((c) =>
      c.apiRefusals.filter(
        (r) => r !== '401 /api/v1/auth/session' && !(expectedRefusals.get(c) ?? []).some((e) => e.test(r)),
      ),
    );
    const dialogs = contexts.flatMap((c) => c.dialogs);
    await Promise.all(contexts.map((c) => c.close()));
    // The CSP held and nothing in the data ran: no console error, violation, exception, 5xx or alert.
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(refusals).toEqual([]);
  });

  const open = async (signedIn: 'admin' | 'none' = 'admin'): Promise<WatchedContext> => {
    if (signedIn === 'admin' && !adminState) throw new Error('the first test did not create the admin');
    const watched = await newWatchedContext(browser, stack.server.url, {
      ...(signedIn === 'admin' && adminState ? { storageState: adminState } : {}),
    });
    opened.push(watched);
    return watched;
  };
  let connection: string | undefined;
  const connectionId = () => connection ?? expect.fail('no connection yet');
  const newHires = () => stack.api<{ items: NewHireBody[] }>('/api/v1/new-hires?limit=500');
  const newHireOf = (applicationId: string) =>
    waitFor(
      `the new hire of Ashby application ${applicationId}`,
      async () => (await newHires()).body.items.find((i) => i.source.applicationId === applicationId),
      20_000,
      100,
    );
  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  /** A field's row on the review page: in the section's table, headed by the field's label. */
  const fieldRow = (page: Page, section: string, label: string) =>
    page
      .getByRole('region', { name: section, exact: true })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(label)}`) }) });
  const rowWith = (page: Page, link: string) =>
    page.getByRole('row').filter({ has: page.getByRole('link', { name: link, exact: true }) });

  it('first run: the setup link creates the first admin, who connects Ashby from Integrations', async () => {
    const watched = await open('none');
    const { page, context } = watched;
    // The key without offersRead is refused once, on purpose, below.
    expectedRefusals.set(watched, [/^422 \/api\/v1\/connections\/ashby$/]);
    await page.goto(stack.setupUrl);
    await heading(page, 'Create the first admin');
    await screenshotAndAudit(page, 'setup');
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create admin account' }).click();

    // Signed in as the admin and sent to connect Ashby.
    await heading(page, 'Integrations');
    expect(new URL(page.url()).pathname).toBe('/integrations');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mapping' }).waitFor();
    await page.getByRole('banner').getByText(ADMIN.name).waitFor();

    // The simulator's URL instead of api.ashbyhq.com; first a key that may not read offers: refused,
    // with the missing permission named and what HireBridge needs it for.
    await page.getByText('Advanced').click();
    await page.getByLabel('Ashby API URL').fill(stack.sim.url);
    await page.getByLabel('Ashby API key').fill(SAMPLE_KEYS.noOffers);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'offersRead' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/offersRead.*(offer|start date|salary)/);
    expect((await stack.api<{ items: unknown[] }>('/api/v1/connections')).body.items).toEqual([]);

    // Then the key with every permission.
    await page.getByLabel('Ashby API key').fill(SAMPLE_KEYS.full);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();

    const connections = await waitFor('the connection', async () => {
      const listed = await stack.api<{ items: { id: string; webhookUrl: string }[] }>('/api/v1/connections');
      return listed.body.items[0];
    });
    connection = connections.id;
    const webhookUrl = `${stack.server.url}/webhooks/ashby/${connections.id}`;
    expect(connections.webhookUrl).toBe(webhookUrl);
    await page.getByText(webhookUrl, { exact: true }).waitFor();
    // HireBridge made its webhooks in Ashby itself (the key has apiKeysWrite), and Ashby pinged them.
    await page.getByText(/HireBridge created these webhooks in Ashby for you/).waitFor();
    expect(stack.sim.deliveriesLog.some((d) => d.action === 'ping' && d.status === 200)).toBe(true);
    // The connect form gave way to the connection, which Ashby's ping already reached.
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor({ state: 'detached' });
    expect(await page.getByText('no ping yet').count()).toBe(0);
    await screenshotAndAudit(page, 'integrations');

    adminState = await context.storageState();
  }, 60_000);

  it('a hire in Ashby appears in New hires; the reviewer fills the missing personal email and adds the member', async () => {
    const { page } = await open();
    await page.goto('/new-hires');
    await heading(page, 'New hires');
    await page.getByText(/No new hires yet/).waitFor();

    // Three hires in the simulator; the open list shows them without a reload (it refreshes itself).
    stack.sim.hire(SAM);
    stack.sim.hire(OLUWASEUN);
    stack.sim.hire(ANNA);
    for (const name of ["Sam O'Neil", 'Oluwaseun Adeyemi', 'Anna-Lena van der Berg']) {
      await page.getByRole('link', { name, exact: true }).waitFor({ timeout: 25_000 });
    }
    await rowWith(page, "Sam O'Neil").getByText('1 required missing').waitFor();
    await rowWith(page, 'Anna-Lena van der Berg').getByText('Complete', { exact: true }).waitFor();
    await screenshotAndAudit(page, 'new-hires');

    await page.getByRole('link', { name: "Sam O'Neil", exact: true }).click();
    await heading(page, "Sam O'Neil");
    const sam = await newHireOf(SAM);
    await fieldRow(page, 'Basics', 'Personal email').getByText('Missing', { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/new-hires/${sam.id}`);
    expect(sam.missingRequired).toEqual(['personalEmail']);
    // Sam's Work address is never taken as the personal one.
    await page.getByText('sam.oneil@currentjob.example').waitFor({ state: 'detached' });

    const addMember = page.getByRole('button', { name: 'Add member' });
    await addMember.waitFor();
    expect(await addMember.isDisabled()).toBe(true);
    await page.getByText(/Fill in the required fields first: Personal email/).waitFor();

    await page.getByRole('button', { name: 'Edit Personal email' }).click();
    const input = page.getByLabel('Personal email', { exact: true });
    await input.fill('sam.oneil@example.com');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const emailRow = fieldRow(page, 'Basics', 'Personal email');
    await emailRow.getByText('sam.oneil@example.com', { exact: true }).waitFor();
    await emailRow.getByText('edited by reviewer').waitFor();
    expect(await emailRow.getByText('Missing', { exact: true }).count()).toBe(0);
    await expect.poll(() => addMember.isEnabled(), { timeout: 10_000 }).toBe(true);
    await screenshotAndAudit(page, 'new-hire-review');

    await addMember.click();
    await page.getByRole('status').filter({ hasText: 'Added to the directory' }).waitFor();
    const added = await stack.api<NewHireBody & { memberId: string }>(`/api/v1/new-hires/${sam.id}`);
    expect(added.body.status).toBe('added');
    expect(added.body.fields['personalEmail']?.value).toBe('sam.oneil@example.com');

    // The member's profile holds what the reviewer completed.
    await page.getByRole('link', { name: "Open the member's profile" }).click();
    await heading(page, "Sam O'Neil");
    expect(new URL(page.url()).pathname).toBe(`/members/${added.body.memberId}`);
    await page.getByText('sam.oneil@example.com', { exact: true }).first().waitFor();
    await screenshotAndAudit(page, 'member');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await heading(page, 'Members');
    await rowWith(page, "Sam O'Neil").waitFor();
    await screenshotAndAudit(page, 'members');
    // The list no longer holds Sam (it shows hires in review).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New hires' }).click();
    await heading(page, 'New hires');
    await page.getByRole('link', { name: 'Anna-Lena van der Berg', exact: true }).waitFor();
    await gone(page.getByRole('link', { name: "Sam O'Neil", exact: true }));
  }, 60_000);

  it('deletes a new hire only after confirming in the dialog', async () => {
    const { page } = await open();
    const oluwaseun = await newHireOf(OLUWASEUN);
    await page.goto('/new-hires');
    await page.getByRole('link', { name: 'Oluwaseun Adeyemi', exact: true }).click();
    await heading(page, 'Oluwaseun Adeyemi');

    // Cancel keeps it.
    await page.getByRole('button', { name: 'Delete new hire' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this new hire?' });
    await dialog.waitFor();
    await dialog.getByText(/personal data/i).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await stack.api<NewHireBody>(`/api/v1/new-hires/${oluwaseun.id}`)).body.status).toBe('in_review');

    await page.getByRole('button', { name: 'Delete new hire' }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await heading(page, 'New hires');
    expect(new URL(page.url()).pathname).toBe('/new-hires');
    await page
      .getByRole('status')
      .filter({ hasText: /deleted/i })
      .waitFor();
    await page.getByRole('link', { name: 'Anna-Lena van der Berg', exact: true }).waitFor();
    await gone(page.getByRole('link', { name: 'Oluwaseun Adeyemi', exact: true }));
    expect((await stack.api<NewHireBody>(`/api/v1/new-hires/${oluwaseun.id}`)).body.status).toBe('deleted');
  }, 60_000);

  it('maps the Ashby offer field "Contract type" to a new custom field, and the next hire shows it', async () => {
    const { page } = await open();
    await page.goto('/mapping');
    await heading(page, 'Field mapping');

    await selectOptionByText(page.getByLabel('Ashby field', { exact: true }), /Contract type/);
    await selectOptionByText(page.getByLabel('HireBridge field', { exact: true }), /New custom field/);
    await page.getByLabel('Field name', { exact: true }).fill('Contract');
    await selectOptionByText(page.getByLabel('Section', { exact: true }), /Employment/);
    await page.getByRole('button', { name: 'Add mapping' }).click();
    // The new rule is in the table, reading Contract type, and not saved yet.
    const chosen = page.getByLabel('Ashby field for Contract', { exact: true }).locator('option:checked');
    await expect.poll(() => chosen.textContent(), { timeout: 10_000 }).toMatch(/Contract type/);
    await page.getByText('Unsaved changes').waitFor();

    // Preview the unsaved draft on Anna (in review; her accepted offer says Permanent).
    await selectOptionByText(page.getByLabel('Preview on'), /Anna-Lena/);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page
      .getByRole('status')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^Contract/ }) })
      .getByRole('cell', { name: 'Permanent', exact: true })
      .waitFor();

    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText(/Mapping saved \(revision 1\)/).waitFor();
    await screenshotAndAudit(page, 'mapping');
    // After the save the preview runs the saved mapping, and says so.
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByText(/^With the saved mapping \(revision 1\)/).waitFor();

    // Anna, already in review, still lacks Contract: the saved mapping is previewed on the hires in
    // review, then applied after one confirmation.
    const inReview = page.getByRole('region', { name: 'Hires still in review' });
    await inReview.getByRole('button', { name: 'Preview changes' }).click();
    const annaChange = inReview.getByRole('listitem').filter({ hasText: 'Anna-Lena van der Berg' });
    await annaChange.getByText('Contract:').waitFor();
    expect(await annaChange.textContent()).toContain('(empty) → changed to Permanent');
    const annaId = (await newHireOf(ANNA)).id;
    expect((await stack.api<NewHireBody>(`/api/v1/new-hires/${annaId}`)).body.fields).not.toHaveProperty(
      'contract',
    );
    await screenshotAndAudit(page, 'mapping-reapply-preview');
    await inReview.getByRole('button', { name: /^Apply to \d+ hires?$/ }).click();
    const applyDialog = page.getByRole('dialog', { name: /^Apply the saved mapping to/ });
    await applyDialog.getByRole('button', { name: 'Apply', exact: true }).click();
    await inReview.getByText(/^Queued \d+ hires? to be read again/).waitFor();
    await expect
      .poll(
        async () =>
          Object.values((await stack.api<NewHireBody>(`/api/v1/new-hires/${annaId}`)).body.fields).some(
            (f) => f.value === 'Permanent',
          ),
        { timeout: 20_000 },
      )
      .toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshotAndAudit(page, 'mapping-reapply-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    stack.sim.hire(JOSE);
    const jose = await newHireOf(JOSE);
    await page.goto('/new-hires');
    await page.getByRole('link', { name: 'José Núñez', exact: true }).click();
    await heading(page, 'José Núñez');
    expect(new URL(page.url()).pathname).toBe(`/new-hires/${jose.id}`);
    await fieldRow(page, 'Employment', 'Contract').getByText('Permanent', { exact: true }).waitFor();
    const custom = Object.entries(jose.fields).find(([, f]) => f.value === 'Permanent');
    expect(custom).toBeDefined();
  }, 60_000);

  it(`renders a candidate named ${XSS_NAME} as text, never as markup`, async () => {
    const { page } = await open();
    // A candidate a recruiter typed into Ashby, hired there.
    const candidate = stack.sim.addCandidate({
      name: XSS_NAME,
      emailAddresses: [{ value: 'xss@example.com', type: 'Personal', isPrimary: true }],
    });
    const application = stack.sim.addApplication({ candidateId: candidate.id, jobId: ENGINEER_JOB });
    stack.sim.hire(application.id);
    const hire = await newHireOf(application.id);
    const first = hire.fields['firstName']?.value as string;
    const last = hire.fields['lastName']?.value as string;
    // Split like any name: "<img" / "src=x" / "onerror=alert(1)>"; each part must show verbatim.
    expect(`${first} src=x ${last}`).toBe(XSS_NAME);

    await page.goto('/new-hires');
    const link = page.getByRole('link', { name: `${first} ${last}`, exact: true });
    await link.waitFor();
    await expectNoImage(page);
    await link.click();
    await heading(page, `${first} ${last}`);
    await fieldRow(page, 'Basics', 'First name').getByText(first, { exact: true }).waitFor();
    await fieldRow(page, 'Basics', 'Middle name').getByText('src=x', { exact: true }).waitFor();
    await fieldRow(page, 'Basics', 'Last name').getByText(last, { exact: true }).waitFor();
    await expectNoImage(page);

    // The whole payload, typed by a reviewer into the First name, comes back as that exact text.
    await page.getByRole('button', { name: 'Edit First name' }).click();
    await page.getByLabel('First name', { exact: true }).fill(XSS_NAME);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await fieldRow(page, 'Basics', 'First name').getByText(XSS_NAME, { exact: true }).waitFor();
    await heading(page, `${XSS_NAME} ${last}`);
    await expectNoImage(page);
    await screenshotAndAudit(page, 'xss-review');
    await page.goto('/new-hires');
    await page.getByRole('link', { name: `${XSS_NAME} ${last}`, exact: true }).waitFor();
    await page.getByText(`${XSS_NAME} ${last}`, { exact: true }).waitFor();
    await expectNoImage(page);
    // The notification of the hire names the candidate as text as well.
    await page.goto('/notifications');
    await heading(page, 'Notifications');
    await page
      .getByText(new RegExp(`New hire: ${escapeRegExp(first)}`))
      .first()
      .waitFor();
    await expectNoImage(page);
  }, 60_000);

  it('admin logs and notifications: deliveries with replay, the audit trail, mark as read', async () => {
    const { page } = await open();
    const sam = await newHireOf(SAM);

    await page.goto('/deliveries');
    await heading(page, 'Delivery log');
    await page
      .getByRole('row')
      .filter({ hasText: SAM })
      .filter({ hasText: 'candidateHire' })
      .first()
      .waitFor();
    const deliveries = await stack.api<{
      items: {
        id: string;
        applicationId: string | null;
        action: string;
        newHire: { name: string | null } | null;
      }[];
    }>('/api/v1/deliveries?limit=100');
    const samHire = deliveries.body.items.find(
      (d) => d.applicationId === SAM && d.action === 'candidateHire',
    );
    expect(samHire).toBeDefined();
    // The button names the delivery by action, hire and time, not by its id; the page lists deliveries
    // newest first, as the API does, so Sam's first button is that delivery.
    const samName = samHire!.newHire?.name ?? '';
    expect(samName).not.toBe('');
    await page
      .getByRole('button', {
        name: `Replay the candidateHire delivery for ${samName} received`,
        exact: false,
      })
      .first()
      .click();
    await page.getByText(/Replay queued/).waitFor();
    await screenshotAndAudit(page, 'deliveries');

    await page.goto('/audit');
    await heading(page, 'Audit log');
    // Who did what to whom, with field names and never their values.
    const entry = (action: string, subject: string) =>
      page.getByRole('row').filter({ hasText: action }).filter({ hasText: subject });
    await entry('new_hire.edit', sam.id)
      .filter({ hasText: 'personalEmail' })
      .filter({ hasText: ADMIN.name })
      .waitFor();
    await entry('new_hire.add_member', sam.id).filter({ hasText: ADMIN.name }).waitFor();
    await entry('new_hire.delete', OLUWASEUN).waitFor();
    await entry('mapping.save', connectionId()).waitFor();
    await entry('connection.connect', connectionId()).waitFor();
    await entry('delivery.replay', samHire!.id).waitFor();
    expect(await page.getByText('sam.oneil@example.com').count()).toBe(0);
    await screenshotAndAudit(page, 'audit');

    // The admin connected Ashby, so they were told of each hire. (Once the replay's import is done,
    // nothing else can add a notification while the bell is counted.)
    await stack.settle();
    await page.goto('/notifications');
    await heading(page, 'Notifications');
    const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
    const unread = async () =>
      Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]);
    await expect.poll(unread, { timeout: 20_000 }).toBeGreaterThan(0);
    const before = await unread();
    const samNote = page.getByRole('listitem').filter({ hasText: "New hire: Sam O'Neil" });
    await samNote.getByRole('link').first().waitFor();
    expect(await samNote.getByRole('link').first().getAttribute('href')).toContain(`/new-hires/${sam.id}`);
    await screenshotAndAudit(page, 'notifications');
    await samNote.getByRole('button', { name: 'Mark as read' }).click();
    await samNote.getByRole('button', { name: 'Mark as read' }).waitFor({ state: 'detached' });
    await expect.poll(unread, { timeout: 10_000 }).toBe(before - 1);
  }, 60_000);

  it('an invited inbox manager cannot open admin pages or call admin APIs', async () => {
    const admin = await open();
    await admin.page.goto('/users');
    await heading(admin.page, 'Users & notification recipients');
    await admin.page.getByLabel('Name', { exact: true }).fill(INBOX.name);
    await admin.page.getByLabel('Email', { exact: true }).fill(INBOX.email);
    await admin.page.getByLabel('Role', { exact: true }).selectOption({ label: 'Inbox manager' });
    await admin.page.getByRole('button', { name: 'Invite user' }).click();
    await admin.page.getByText(`Send this link to ${INBOX.name}; it works once, for 7 days.`).waitFor();
    const inviteUrl = await findOnPage(admin.page, /https?:\/\/[^\s"']+\/invite#[A-Za-z0-9_-]+/);
    expect(inviteUrl.startsWith(`${stack.server.url}/invite#`)).toBe(true);
    await admin.page.getByRole('row').filter({ hasText: INBOX.email }).getByText('Invited').waitFor();
    await screenshotAndAudit(admin.page, 'users');

    // A second browser, nobody signed in: the invitee opens the link and chooses a password.
    const inbox = await open('none');
    expectedRefusals.set(inbox, [
      // The admin APIs the test calls below, refused as they must be.
      /^403 \/api\/v1\/(connections|users|audit)$/,
    ]);
    await inbox.page.goto(inviteUrl);
    await heading(inbox.page, 'Join HireBridge');
    await inbox.page.getByText(INBOX.email).waitFor();
    await inbox.page.getByLabel('Password').fill(INBOX.password);
    await inbox.page.getByRole('button', { name: 'Join' }).click();
    await heading(inbox.page, 'New hires');
    await inbox.page.getByText('inbox manager', { exact: true }).waitFor();
    // The inbox works for them...
    await inbox.page.getByRole('link', { name: 'Anna-Lena van der Berg', exact: true }).waitFor();
    const nav = inbox.page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Members' }).waitFor();
    // ...the admin part of the app does not.
    for (const label of ['Integrations', 'Mapping', 'Users & recipients', 'Delivery log', 'Audit log']) {
      expect(await nav.getByRole('link', { name: label }).count()).toBe(0);
    }
    expect(await nav.getByText('Admin', { exact: true }).count()).toBe(0);
    for (const path of ['/integrations', '/mapping', '/users', '/deliveries', '/audit']) {
      await inbox.page.goto(path);
      await heading(inbox.page, 'Admins only');
    }
    await screenshotAndAudit(inbox.page, 'inbox-manager-admins-only');

    // And the API refuses them, with their own session cookie (and CSRF token, for the PUT).
    const answers = await inbox.page.evaluate(async () => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const status = async (path: string, init: RequestInit = {}) => (await fetch(path, init)).status;
      return {
        newHires: await status('/api/v1/new-hires'),
        connections: await status('/api/v1/connections'),
        users: await status('/api/v1/users'),
        audit: await status('/api/v1/audit'),
        invite: await status('/api/v1/users', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ name: 'Mallory', email: 'mallory@example.com', role: 'admin' }),
        }),
      };
    });
    expect(answers).toEqual({ newHires: 200, connections: 403, users: 403, audit: 403, invite: 403 });
    const users = await stack.api<{ items: { email: string; role: string; signedUp: boolean }[] }>(
      '/api/v1/users',
    );
    expect(users.body.items.map((u) => u.email).sort()).toEqual([ADMIN.email, INBOX.email]);
    expect(users.body.items.find((u) => u.email === INBOX.email)).toMatchObject({
      role: 'inbox',
      signedUp: true,
    });
  }, 60_000);

  it('positions: an admin adds a recruiting position, syncs it to Ashby, and a hire into the opening fills it', async () => {
    const { page } = await open();
    // Integrations: turn opening sync on (its first run finds nothing to publish yet).
    await page.goto('/integrations');
    await heading(page, 'Integrations');
    await page.getByRole('button', { name: 'Turn opening sync on' }).click();
    await page.getByText('Opening sync is on.').waitFor();
    await page.getByText(/0 created, 0 updated, 0 closed, 0 failed/).waitFor({ timeout: 20_000 });
    await page.goto('/positions');
    await heading(page, 'Positions');
    await page.getByText('No positions yet.').waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Staff Engineer');
    await page.getByLabel('Department', { exact: true }).fill('Platform');
    await page.getByLabel('Location', { exact: true }).fill('Berlin HQ');
    await page.getByLabel('Target start date').fill('2026-09-01');
    expect(await page.getByLabel(/^Recruiting/).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Add position' }).click();
    await page.getByRole('cell', { name: 'Staff Engineer', exact: true }).waitFor();
    const positions = await stack.api<{ items: { id: string }[] }>('/api/v1/positions');
    const positionId = positions.body.items[0]!.id;
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshotAndAudit(page, `positions-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // Integrations: Sync now publishes it.
    await page.goto('/integrations');
    await heading(page, 'Integrations');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/1 created, 0 updated, 0 closed, 0 failed/).waitFor({ timeout: 20_000 });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshotAndAudit(page, `integrations-openings-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    const published = stack.sim.openings().filter((o) => o.latestVersion?.identifier === `HB-${positionId}`);
    expect(published).toHaveLength(1);
    expect(published[0]!.openingState).toBe('Approved');

    // A recruiter hires Erik into that opening in Ashby; the reviewer adds him to the directory.
    stack.sim.hire(ERIK, { openingId: published[0]!.id });
    const erik = await newHireOf(ERIK);
    await page.goto(`/new-hires/${erik.id}`);
    await heading(page, 'Erik Johansson');
    const addMember = page.getByRole('button', { name: 'Add member' });
    await expect.poll(() => addMember.isEnabled(), { timeout: 10_000 }).toBe(true);
    await addMember.click();
    await page.getByRole('status').filter({ hasText: 'Added to the directory' }).waitFor();

    await page.goto('/positions');
    await heading(page, 'Positions');
    const row = page.getByRole('row').filter({ hasText: 'Staff Engineer' });
    await row.getByText('Filled', { exact: true }).waitFor();
    await row.getByRole('link', { name: 'Erik Johansson' }).waitFor();

    // The next sync closes the opening.
    await page.goto('/integrations');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/0 created, 0 updated, 1 closed, 0 failed/).waitFor({ timeout: 20_000 });
    const closed = stack.sim.openings().find((o) => o.id === published[0]!.id);
    expect(closed?.openingState).toBe('Closed');
  }, 90_000);

  it('a viewer reads every page and changes nothing; an admin resets their password; own password change; API tokens made and revoked', async () => {
    const VIEWER = { name: 'Vera Viewer', email: 'vera@example.com', password: 'vera viewer password' };
    const admin = await open();
    await admin.page.goto('/users');
    await heading(admin.page, 'Users & notification recipients');
    await admin.page.getByLabel('Name', { exact: true }).fill(VIEWER.name);
    await admin.page.getByLabel('Email', { exact: true }).fill(VIEWER.email);
    await admin.page.getByLabel('Role', { exact: true }).selectOption({ label: 'Viewer (read only)' });
    await admin.page.getByRole('button', { name: 'Invite user' }).click();
    const inviteUrl = await findOnPage(admin.page, /https?:\/\/[^\s"']+\/invite#[A-Za-z0-9_-]+/);

    const viewer = await open('none');
    // The one change the test tries through the API, refused as it must be.
    expectedRefusals.set(viewer, [/^403 \/api\/v1\/users$/]);
    await viewer.page.goto(inviteUrl);
    await heading(viewer.page, 'Join HireBridge');
    await viewer.page.getByLabel('Password').fill(VIEWER.password);
    await viewer.page.getByRole('button', { name: 'Join' }).click();
    await heading(viewer.page, 'New hires');
    await viewer.page.getByText('viewer', { exact: true }).waitFor();
    // The list reads; adding a member is not theirs to do.
    await viewer.page.getByRole('link', { name: 'Anna-Lena van der Berg', exact: true }).waitFor();
    expect(await viewer.page.getByRole('button', { name: /Add member/ }).count()).toBe(0);
    const nav = viewer.page.getByRole('navigation', { name: 'Main' });
    const pages = [
      ['Integrations', 'Integrations'],
      ['Mapping', 'Field mapping'],
      ['Users & recipients', 'Users & notification recipients'],
      ['Delivery log', 'Delivery log'],
      ['Audit log', 'Audit log'],
    ] as const;
    for (const [link, title] of pages) {
      await nav.getByRole('link', { name: link }).click();
      await heading(viewer.page, title);
      await viewer.page
        .getByText('You have the viewer role: you can see everything here but change nothing.')
        .waitFor();
    }
    // Every page loaded its data (an API refusal fails the test), and no control changes anything.
    await viewer.page.goto('/integrations');
    await viewer.page.getByText('Required permissions').first().waitFor();
    expect(await viewer.page.getByLabel('New Ashby API key').isDisabled()).toBe(true);
    expect(await viewer.page.getByRole('button', { name: 'Show' }).count()).toBe(0);
    await viewer.page.goto('/mapping');
    await viewer.page.getByRole('button', { name: 'Save mapping' }).waitFor();
    expect(await viewer.page.getByRole('button', { name: 'Save mapping' }).isDisabled()).toBe(true);
    await viewer.page.goto('/users');
    await viewer.page.getByRole('row').filter({ hasText: ADMIN.email }).waitFor();
    expect(await viewer.page.getByRole('button', { name: 'Invite user' }).count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: /^(Deactivate|Reset password)/ }).count()).toBe(0);
    expect(await viewer.page.getByLabel(`Role of ${ADMIN.name}`).isDisabled()).toBe(true);
    await viewer.page.goto('/deliveries');
    await viewer.page.getByRole('row').filter({ hasText: 'candidateHire' }).first().waitFor();
    expect(await viewer.page.getByRole('button', { name: /^Replay/ }).count()).toBe(0);
    await screenshotAndAudit(viewer.page, 'viewer-deliveries');
    const refused = await viewer.page.evaluate(async () => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      return (
        await fetch('/api/v1/users', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ name: 'Mallory', email: 'mallory@example.com', role: 'admin' }),
        })
      ).status;
    });
    expect(refused).toBe(403);

    // The viewer forgot their password: an admin makes a reset link from the Users page.
    await admin.page.reload();
    await admin.page.getByRole('button', { name: `Reset password of ${VIEWER.name}` }).click();
    await admin.page
      .getByText(`Send this password-reset link to ${VIEWER.name}; it works once, for 24 hours.`)
      .waitFor();
    const resetUrl = await findOnPage(admin.page, /https?:\/\/[^\s"']+\/reset#[A-Za-z0-9_-]+/);
    const again = await open('none');
    await again.page.goto(resetUrl);
    await heading(again.page, 'Choose a new password');
    await again.page.getByText(VIEWER.email).waitFor();
    await screenshotAndAudit(again.page, 'reset-password');
    await again.page.getByLabel('Password', { exact: true }).fill('vera brand new password');
    await again.page.getByRole('button', { name: 'Set password' }).click();
    await heading(again.page, 'New hires');
    // The session opened before the reset has ended (so the viewer's page now meets 401s).
    expectedRefusals.set(viewer, [/^403 \/api\/v1\/users$/, /^401 \/api\/v1\//]);
    const before = await viewer.page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(before).toBe(401);

    // They change it again themselves, from their account page.
    await again.page.getByRole('link', { name: `Your account: ${VIEWER.name}` }).click();
    await heading(again.page, 'Your account');
    await again.page.getByLabel('Current password').fill('vera brand new password');
    await again.page.getByLabel('New password').fill('vera third password');
    await again.page.getByRole('button', { name: 'Change password' }).click();
    await again.page.getByText('Password changed. Your other sessions have ended.').waitFor();
    // Their own notification settings: no email, a Slack mention; kept after a reload.
    const notify = again.page.getByRole('form', { name: 'Notifications' });
    await notify.getByLabel('By email').uncheck();
    await notify.getByLabel('Slack member id to mention (optional)').fill('U024BE7LH');
    await notify.getByRole('button', { name: 'Save notification settings' }).click();
    await notify.getByRole('status').getByText('Saved.').waitFor();
    await again.page.reload();
    await heading(again.page, 'Your account');
    expect(await notify.getByLabel('By email').isChecked()).toBe(false);
    expect(await notify.getByLabel('In the app (the bell and Notifications)').isChecked()).toBe(true);
    expect(await notify.getByLabel('Slack member id to mention (optional)').inputValue()).toBe('U024BE7LH');
    await screenshotAndAudit(again.page, 'account');

    // API tokens on the Users page: made by the admin, shown once, listed with their maker, revoked.
    await admin.page.getByLabel('Token name').fill('nightly export');
    await admin.page.getByRole('button', { name: 'Create token' }).click();
    await admin.page.getByText('Copy the token for nightly export now').waitFor();
    const tokenRow = admin.page.getByRole('row').filter({ hasText: 'nightly export' });
    await tokenRow.getByText(ADMIN.name).waitFor();
    await screenshotAndAudit(admin.page, 'users-api-tokens');
    await admin.page.getByRole('button', { name: 'Revoke API token nightly export' }).click();
    await gone(tokenRow);
  }, 90_000);
});

/**
 * Waits until nothing matches. A list the app shows from its cache refreshes right after a change, so
 * a row that should go is given the time of one refetch, not more.
 */
async function gone(locator: Locator): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: 5_000, interval: 100 }).toBe(0);
}

/** Chooses the first option whose text matches (option values are ids the test does not know). */
async function selectOptionByText(select: Locator, text: RegExp): Promise<void> {
  await select.waitFor();
  const label = await waitFor(`an option matching ${String(text)}`, async () =>
    (await select.locator('option').allTextContents()).find((t) => text.test(t)),
  );
  await select.selectOption({ label });
}

/** Where the payload could become markup, there must be no image (the page has no images at all). */
async function expectNoImage(page: Page): Promise<void> {
  expect(await page.locator('img[src="x"], img[onerror]').count()).toBe(0);
  expect(await page.locator('img').count()).toBe(0);
}

/** A URL shown on the page: in its text or in a read-only input. */
async function findOnPage(page: Page, pattern: RegExp): Promise<string> {
  return waitFor(`text matching ${String(pattern)} on the page`, async () => {
    const texts = [
      await page.locator('body').innerText(),
      ...(await page
        .locator('input')
        .evaluateAll((inputs) => inputs.map((i) => (i as { value: string }).value))),
    ];
    for (const text of texts) {
      const found = pattern.exec(text)?.[0];
      if (found) return found;
    }
    return undefined;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
