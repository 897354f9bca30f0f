import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackfillStatusResponse, SyncNowResponse } from '../../src/contract/backfill-status.js';
import { generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';

const DAY = 86_400_000;

interface Hire {
  id: string;
  status: string;
}

/**
 * The Integrations page's daily tools over the API: a backfill whose progress is kept on the server
 * (found, queued, imported, skipped, finished) for a progress bar that survives a reload; "Sync now";
 * and a deleted new hire restored.
 */
describe.each(TEST_DIALECTS)('Backfill progress, Sync now and restore on %s', (dialect) => {
  let h: IntakeHarness;
  const scenario = generateCompany({ seed: 11, hires: 12, startMs: Date.now() - 55 * DAY });

  beforeAll(async () => {
    h = await startIntakeHarness(dialect, { scenario, key: scenario.apiKeys[0]!.key });
  }, 60_000);
  afterAll(async () => {
    await h?.dispose();
  });

  const statusPath = () => `/api/v1/connections/${h.connectionId}/backfill`;
  const inReview = async () =>
    (await h.api<{ items: Hire[] }>('/api/v1/new-hires?limit=500&status=in_review')).body.items;

  it("keeps a backfill's progress on the server until every import is done", async () => {
    expect((await h.api<BackfillStatusResponse>(statusPath())).body).toEqual({ run: null });
    const started = await h.api<{ found: number; queued: number }>(statusPath(), {
      method: 'POST',
      body: '{}',
    });
    expect(started.status).toBe(202);
    expect(started.body.found).toBe(12);
    const listed = (await h.api<BackfillStatusResponse>(statusPath())).body.run;
    expect(listed).toMatchObject({ found: 12, queued: started.body.queued, listed: true, error: null });
    expect(listed?.startedBy).toMatch(/^token:/);
    expect(listed?.startsOnOrAfter).toBe(new Date().toISOString().slice(0, 10));

    await h.settle(30_000);
    const done = (await h.api<BackfillStatusResponse>(statusPath())).body.run;
    const reviewed = await inReview();
    expect(done).toMatchObject({ waiting: 0, finished: true, imported: reviewed.length });
    expect(reviewed.length).toBeGreaterThan(0);
    // Every queued import is accounted for: a new hire, or skipped (started before today).
    expect((done?.imported ?? 0) + (done?.skipped ?? 0)).toBe(done?.queued);
    expect(done?.skipped).toBeGreaterThan(0);
  }, 90_000);

  it('syncs with Ashby now, audited, and names a missing connection', async () => {
    const synced = await h.api<SyncNowResponse>(`/api/v1/connections/${h.connectionId}/sync`, {
      method: 'POST',
    });
    expect(synced.status).toBe(200);
    expect(['incremental', 'full']).toContain(synced.body.mode);
    expect(synced.body.hired).toBeGreaterThanOrEqual(0);
    await h.settle(30_000);
    const audit = await h.api<{ items: { action: string }[] }>('/api/v1/audit?limit=500');
    expect(audit.body.items.map((a) => a.action)).toContain('connection.sync');
    const missing = await h.api('/api/v1/connections/nope/sync', { method: 'POST' });
    expect(missing.status).toBe(404);
  }, 60_000);

  it('restores a deleted new hire, back in review', async () => {
    const [hire] = await inReview();
    expect(hire).toBeDefined();
    const deleted = await h.api(`/api/v1/new-hires/${hire!.id}`, { method: 'DELETE' });
    expect(deleted.status).toBeLessThan(300);
    expect((await h.api<Hire>(`/api/v1/new-hires/${hire!.id}`)).body.status).toBe('deleted');

    const restored = await h.api(`/api/v1/new-hires/${hire!.id}/restore`, { method: 'POST' });
    expect(restored.status).toBe(202);
    await h.settle(30_000);
    expect((await h.api<Hire>(`/api/v1/new-hires/${hire!.id}`)).body.status).toBe('in_review');
    const again = await h.api<{ error: { message: string } }>(`/api/v1/new-hires/${hire!.id}/restore`, {
      method: 'POST',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/Only deleted new hires can be restored/);
  }, 60_000);
});
