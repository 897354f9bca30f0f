import { afterEach, describe, expect, it } from 'vitest';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // Hired in the sample company

interface Delivery {
  id: string;
  action: string;
  applicationId: string | null;
}

let h: IntakeHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

/** The small APIs the admin web app needs beyond the inbox and mapping APIs. */
describe.each(TEST_DIALECTS)('admin app APIs on %s', (dialect) => {
  it('lists a connection’s new-hire fields, reveals the Secret Token to admins only, and replays a delivery', async () => {
    h = await startIntakeHarness(dialect);
    await h.sim.createWebhook({
      webhookType: 'candidateHire',
      requestUrl: `${h.server.url}/webhooks/ashby/${h.connectionId}`,
      secretToken: h.secretToken,
    });
    h.sim.hire(ANNA);
    await h.settle();
    const inbox = await h.server.token('inbox');
    const asInbox = (path: string, method = 'GET') =>
      fetch(`${h!.server.url}${path}`, { method, headers: { authorization: `Bearer ${inbox}` } });

    // Fields by section with labels, readable by inbox managers (the review page lays them out).
    const fields = await asInbox(`/api/v1/new-hire-fields?connectionId=${h.connectionId}`);
    expect(fields.status).toBe(200);
    const items = (
      (await fields.json()) as { items: { key: string; label: string; section: string; required: boolean }[] }
    ).items;
    expect(items.find((f) => f.key === 'personalEmail')).toMatchObject({
      label: expect.any(String),
      section: 'basics',
      required: true,
    });
    // Without a connection (members imported from CSV): the standard fields, none custom.
    const standard = (await (await asInbox('/api/v1/new-hire-fields')).json()) as {
      items: { key: string; custom: boolean }[];
    };
    expect(standard.items.map((f) => f.key)).toContain('employmentStartDate');
    expect(standard.items.every((f) => !f.custom)).toBe(true);
    expect((await asInbox('/api/v1/new-hire-fields?connectionId=nope')).status).toBe(404);

    // The Secret Token, again, for admins; refused to inbox managers; the reveal is audited.
    const secret = await h.api<{ secretToken: string }>(
      `/api/v1/connections/${h.connectionId}/webhook-secret`,
    );
    expect(secret.status).toBe(200);
    expect(secret.body.secretToken).toBe(h.secretToken);
    expect((await asInbox(`/api/v1/connections/${h.connectionId}/webhook-secret`)).status).toBe(403);
    expect((await h.api('/api/v1/connections/nope/webhook-secret')).status).toBe(404);
    const audit = await h.api<{ items: { action: string; targetId: string }[] }>('/api/v1/audit');
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'connection.secret.view', targetId: h.connectionId }),
    );

    // Replay: the delivery's application is imported again (one more import job), admins only.
    const deliveries = await h.api<{ items: Delivery[] }>('/api/v1/deliveries');
    const delivery = deliveries.body.items.find((d) => d.applicationId === ANNA)!;
    expect(delivery).toBeDefined();
    const importJobs = () =>
      h!.server.container.database.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'ashby.application.import')
        .execute();
    const before = (await importJobs()).length;
    expect((await asInbox(`/api/v1/deliveries/${delivery.id}/replay`, 'POST')).status).toBe(403);
    const replay = await h.api<{ queued: boolean; applicationId: string }>(
      `/api/v1/deliveries/${delivery.id}/replay`,
      { method: 'POST' },
    );
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ queued: true, applicationId: ANNA });
    await h.settle();
    expect((await importJobs()).length).toBe(before + 1);
    // Still one new hire: the replayed import updates the same one.
    const list = await h.api<{ items: unknown[] }>('/api/v1/new-hires');
    expect(list.body.items).toHaveLength(1);
    expect((await h.api('/api/v1/deliveries/nope/replay', { method: 'POST' })).status).toBe(404);
  });
});
