import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { waitFor } from '../support/wait-for.js';
import { TEST_DIALECTS } from '../support/test-databases.js';

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // Hired: Anna-Lena van der Berg, several email types
const SAM = 'a00a15ed-90d6-5790-a42c-e1751b7e19ed'; // Hired: Sam O'Neil, only a Work email
const ERIK = 'b13b651c-235d-5e4b-9762-43d6a744fb5a'; // Active
const FATIMA = '5ad757a3-2f30-5c51-b9c4-fe43387e90c8'; // Active
const KEVIN = '9fb6f1e1-e29f-5730-9ab5-b4f8f5efa078'; // Active

interface NewHireBody {
  id: string;
  status: string;
  fields: Record<string, { value: unknown; source: { description: string }; error?: { code: string } }>;
  missingRequired: string[];
  source: { connectionId: string; candidateId: string; applicationId: string; offerId: string | null };
}

let h: IntakeHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const sign = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe.each(TEST_DIALECTS)('Ashby intake on %s', (dialect) => {
  it('turns a hire in Ashby into exactly one complete new hire, whatever the fan-out, duplicates and order', async () => {
    h = await startIntakeHarness(dialect, {
      knobs: { duplicateDeliveryProbability: 1, shuffleFanOut: true },
    });
    // Ashby may hold several webhooks for one event; with these, each of the three events of the hire
    // arrives twice per webhook (duplicates on), so four times, in shuffled order.
    const requestUrl = `${h.server.url}/webhooks/ashby/${h.connectionId}`;
    for (const webhookType of [
      'candidateHire',
      'applicationUpdate',
      'candidateStageChange',
      'candidateStageChange',
    ]) {
      await h.sim.createWebhook({ webhookType, requestUrl, secretToken: h.secretToken });
    }
    const { webhookActionId } = h.sim.hire(ANNA);
    await h.settle();
    // One event, one import: its twelve deliveries queued a single import job.
    const imports = await h.server.container.database.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'ashby.application.import')
      .execute();
    expect(imports).toHaveLength(1);
    // And Ashby's retries of the same deliveries, out of order, after the import ran.
    h.sim.hire(ANNA);
    await h.settle();

    const list = await h.api<{ items: NewHireBody[] }>('/api/v1/new-hires');
    expect(list.body.items).toHaveLength(1);
    const hire = list.body.items[0]!;
    expect(hire.status).toBe('in_review');
    expect(hire.source).toMatchObject({ connectionId: h.connectionId, applicationId: ANNA });

    // Every mapped field, checked against what the simulator serves.
    const app = h.sim.application(ANNA)!;
    const candidate = await simCall<{
      name: string;
      emailAddresses: { value: string; type: string }[];
      phoneNumbers: { value: string; type: string }[];
      socialLinks: { type: string; url: string }[];
    }>(h, 'candidate.info', { id: app.candidate.id });
    const offers = await simCall<
      { latestVersion: { startDate: string; salary: { value: number; currencyCode: string } } }[]
    >(h, 'offer.list', { applicationId: ANNA });
    const job = await simCall<{ title: string; departmentId: string; locationId: string }>(h, 'job.info', {
      id: app.job.id,
    });
    const department = await simCall<{ name: string }>(h, 'department.info', {
      departmentId: job.departmentId,
    });
    const location = await simCall<{ name: string }>(h, 'location.info', { locationId: job.locationId });
    const manager = app.hiringTeam.find((m) => m.role === 'Hiring Manager')!;
    const offer = offers[0]!.latestVersion;
    const value = (key: string) => hire.fields[key]?.value ?? null;
    expect(candidate.name).toBe('Anna-Lena van der Berg');
    expect([value('firstName'), value('middleName'), value('lastName')]).toEqual([
      'Anna-Lena',
      null,
      'van der Berg',
    ]);
    expect(value('personalEmail')).toBe(candidate.emailAddresses.find((e) => e.type === 'Personal')!.value);
    // Stored in its international form (E.164): the spaces Ashby may hold are dropped.
    expect(value('personalPhone')).toBe(candidate.phoneNumbers[0]?.value.replace(/[^+\d]/g, '') ?? null);
    expect(value('employmentStartDate')).toBe(offer.startDate.slice(0, 10));
    expect(value('jobTitle')).toBe(job.title);
    expect(value('department')).toBe(department.name);
    expect(value('location')).toBe(location.name);
    expect(value('reportingTo')).toEqual({
      name: `${manager.firstName} ${manager.lastName}`,
      email: manager.email,
    });
    expect(value('salaryAmount')).toBe(offer.salary.value);
    expect(value('salaryCurrency')).toBe(offer.salary.currencyCode);
    expect(value('linkedIn')).toBe(candidate.socialLinks.find((l) => l.type === 'LinkedIn')?.url ?? null);
    expect(value('twitter')).toBe(candidate.socialLinks.find((l) => l.type === 'Twitter')?.url ?? null);
    expect(hire.fields['employmentStartDate']?.source.description).toMatch(/offer/i);
    expect(hire.missingRequired).toEqual([]);

    const attempts = h.sim.deliveriesLog.filter((d) => d.webhookActionId === webhookActionId);
    expect(attempts.length).toBeGreaterThanOrEqual(12);
    // Each of the three fan-out events is stored once; each was processed.
    const deliveries = await h.api<{
      items: { webhookActionId: string; action: string; status: string; outcome: string }[];
    }>('/api/v1/deliveries');
    const first = deliveries.body.items.filter((d) => d.webhookActionId === webhookActionId);
    expect(first.map((d) => d.action).sort()).toEqual([
      'applicationUpdate',
      'candidateHire',
      'candidateStageChange',
    ]);
    expect(deliveries.body.items.every((d) => d.status === 'processed')).toBe(true);
  });

  it('creates no new hire for applications that are not hired, and says why', async () => {
    h = await startIntakeHarness(dialect);
    h.sim.setApplicationStatus(ERIK, 'Archived');
    await h.settle();
    expect((await h.api<{ items: unknown[] }>('/api/v1/new-hires')).body.items).toHaveLength(0);
    const deliveries = await h.api<{ items: { status: string; outcome: string }[] }>('/api/v1/deliveries');
    expect(deliveries.body.items.length).toBeGreaterThan(0);
    expect(deliveries.body.items[0]).toMatchObject({
      status: 'processed',
      outcome: 'skipped: application status is Archived, not Hired',
    });
  });

  it('lists a Work-only candidate with personalEmail missing and required', async () => {
    h = await startIntakeHarness(dialect);
    h.sim.hire(SAM);
    await h.settle();
    const [hire] = (await h.api<{ items: NewHireBody[] }>('/api/v1/new-hires')).body.items;
    expect(hire?.fields['personalEmail']?.value ?? null).toBeNull();
    expect(hire?.missingRequired).toContain('personalEmail');
  });

  it('still brings every hire in while Ashby answers 429 and 5xx, without a retry storm', async () => {
    const harness = await startIntakeHarness(dialect);
    h = harness;
    h.sim.setKnobs({ serverErrorProbability: 0.3, rateLimitProbability: 0.1, retryAfterSeconds: 1 });
    h.sim.resetCounters();
    for (const id of [ERIK, FATIMA, KEVIN]) h.sim.hire(id);
    // A call that fails through every in-client retry puts its import job back with a backoff, which
    // settle() does not wait for (it ignores jobs due later): wait for the hires themselves.
    const items = await waitFor(
      'all three hires to arrive through the faults',
      async () => {
        const listed = (await harness.api<{ items: NewHireBody[] }>('/api/v1/new-hires')).body.items;
        return listed.length === 3 ? listed : undefined;
      },
      90_000,
      100,
    );
    expect(items.map((i) => i.source.applicationId).sort()).toEqual([ERIK, FATIMA, KEVIN].sort());
    const stats = h.sim.stats();
    const ok = stats.calls.byStatus['200'] ?? 0;
    const failed = stats.calls.total - ok;
    expect(failed).toBeGreaterThan(0);
    expect(stats.calls.total).toBeLessThanOrEqual(2 * ok);
  }, 120_000);

  it('guards the webhook endpoint: signature, connection, size and shape', async () => {
    h = await startIntakeHarness(dialect);
    const url = `${h.server.url}/webhooks/ashby/${h.connectionId}`;
    const body = JSON.stringify({
      webhookActionId: 'a1',
      action: 'applicationUpdate',
      data: { application: { id: ERIK } },
    });
    const post = (target: string, raw: string | Buffer, signature?: string) =>
      fetch(target, {
        method: 'POST',
        body: raw,
        headers: {
          'content-type': 'application/json',
          ...(signature === undefined ? {} : { 'ashby-signature': signature }),
        },
      });
    expect((await post(url, body, sign('wrong', body))).status).toBe(401);
    expect((await post(url, body)).status).toBe(401);
    expect((await post(url, body, sign(h.secretToken, body).replace('sha256=', ''))).status).toBe(401);
    expect((await post(url, body.replace('a1', 'a2'), sign(h.secretToken, body))).status).toBe(401);
    expect((await post(`${h.server.url}/webhooks/ashby/nope`, body, sign(h.secretToken, body))).status).toBe(
      404,
    );
    const huge = JSON.stringify({ action: 'x', data: { pad: 'x'.repeat(1024 * 1024) } });
    expect((await post(url, huge, sign(h.secretToken, huge))).status).toBe(413);
    const notEnvelope = JSON.stringify({ hello: 'world' });
    expect((await post(url, notEnvelope, sign(h.secretToken, notEnvelope))).status).toBe(400);
    const unknown = JSON.stringify({ webhookActionId: 'u1', action: 'surveySubmit', data: {} });
    expect((await post(url, unknown, sign(h.secretToken, unknown))).status).toBe(200);
    const ok = await post(url, body, sign(h.secretToken, body));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: true, duplicate: false });
    expect(await (await post(url, body, sign(h.secretToken, body))).json()).toEqual({
      received: true,
      duplicate: true,
    });
    // Only the signed, well-formed deliveries were stored.
    const deliveries = await h.api<{ items: { action: string; status: string }[] }>('/api/v1/deliveries');
    expect(deliveries.body.items.map((d) => d.action).sort()).toEqual(['applicationUpdate', 'surveySubmit']);
    expect(deliveries.body.items.find((d) => d.action === 'surveySubmit')?.status).toBe('ignored');
    // The ping Ashby sent when HireBridge created its webhooks was seen.
    const connection = await h.api<{ lastPingAt: string | null; ashbyWebhooks: { enabled: boolean }[] }>(
      `/api/v1/connections/${h.connectionId}`,
    );
    expect(connection.body.lastPingAt).not.toBeNull();
    expect(connection.body.ashbyWebhooks.map((w) => w.enabled)).toEqual([true, true, true, true]);
  });
});

async function simCall<T>(h: IntakeHarness, endpoint: string, body: unknown): Promise<T> {
  const response = await fetch(`${h.sim.url}/${endpoint}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from('sample_full_key:').toString('base64')}`,
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { success: boolean; results: T };
  if (!json.success) throw new Error(`${endpoint} failed`);
  return json.results;
}
