import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErasureReportResponse, ErasureRequestsResponse } from '../../src/contract/erasure.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../src/connectors/webhook/fake/receiver.js';
import { ashbySignature } from '../chaos/support/ashby-deliveries.js';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';
import { fillRequiredValue } from '../support/fill-required.js';

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d';
const ERIK = 'b13b651c-235d-5e4b-9762-43d6a744fb5a';
const JOSE = '33cb412c-73af-5d5a-933f-a7ca2980c608';
const KEVIN = '9fb6f1e1-e29f-5730-9ab5-b4f8f5efa078';

interface Hire {
  id: string;
  status: string;
  fields: Record<string, unknown>;
  missingRequired: string[];
  source: { applicationId: string; candidateId: string };
}

/** Files under the blob store's folder (filesystem storage in DATA_DIR). */
function storedFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe.each(TEST_DIALECTS)("Ashby's candidate deletes and merges, and erasure, on %s", (dialect) => {
  let h: IntakeHarness;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    h = await startIntakeHarness(dialect, { env: { DESTINATION_RETRY_BASE_MS: '20' } });
    receiver = await startWebhookReceiver();
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await h?.dispose();
  });
  const json = (method: string, body?: unknown): RequestInit => ({
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const hireOf = async (applicationId: string) => {
    const row = await h.server.container.database.db
      .selectFrom('new_hires')
      .select('id')
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    if (!row) throw new Error(`no new hire for ${applicationId}`);
    return (await h.api<Hire>(`/api/v1/new-hires/${row.id}`)).body;
  };
  const hired = async (applicationId: string) => {
    h.sim.hire(applicationId, { salary: { currencyCode: 'EUR', value: 81234 } });
    await h.settle();
    return hireOf(applicationId);
  };
  const candidateOf = (applicationId: string) => h.sim.application(applicationId)!.candidate.id;
  const tombstones = (applicationId: string) =>
    h.server.container.database.db
      .selectFrom('new_hire_tombstones')
      .select('new_hire_id')
      .where('application_id', '=', applicationId)
      .execute();
  /** A signed webhook as Ashby sends it, for an id the simulator no longer knows. */
  const deliver = async (body: unknown) => {
    const bytes = Buffer.from(JSON.stringify(body));
    const response = await fetch(`${h.server.url}/webhooks/ashby/${h.connectionId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'ashby-signature': ashbySignature(h.secretToken, bytes),
      },
      body: bytes,
    });
    expect(response.status).toBeLessThan(300);
    await h.settle();
  };

  it('candidateDelete purges a new hire still in review, with its files, and keeps a tombstone', async () => {
    const hire = await hired(ANNA);
    expect(hire.status).toBe('in_review');
    const candidateId = candidateOf(ANNA);
    h.sim.deleteCandidate(candidateId);
    await h.settle();
    const purged = await hireOf(ANNA);
    expect(purged.status).toBe('deleted');
    expect(purged.fields).toEqual({});
    expect((await h.api<{ items: unknown[] }>(`/api/v1/new-hires/${hire.id}/documents`)).body.items).toEqual(
      [],
    );
    expect(await tombstones(ANNA)).toEqual([{ new_hire_id: hire.id }]);
    // A late delivery for the deleted candidate changes nothing.
    await deliver({
      webhookActionId: 'late-delete',
      action: 'candidateDelete',
      data: { candidate: { id: candidateId } },
    });
    expect((await hireOf(ANNA)).status).toBe('deleted');
  });

  it('candidateMerge re-links the surviving id, so a later event for either id finds the same new hire', async () => {
    const hire = await hired(ERIK);
    const former = candidateOf(ERIK);
    const survivor = candidateOf(JOSE);
    h.sim.mergeCandidates(former, survivor);
    await h.settle();
    const relinked = await hireOf(ERIK);
    expect(relinked.id).toBe(hire.id);
    expect(relinked.source.candidateId).toBe(survivor);
    // Ashby later deletes the merged-away id: the link leads to the same new hire.
    await deliver({
      webhookActionId: 'after-merge',
      action: 'candidateDelete',
      data: { candidate: { id: former } },
    });
    const purged = await hireOf(ERIK);
    expect(purged.id).toBe(hire.id);
    expect(purged.status).toBe('deleted');
  });

  it('candidateDelete of a member asks an admin; erasing removes its data and files and sends member.deleted', async () => {
    const added = await h.api<{ id: string; generatedCredentials: { signingSecret: string } }>(
      '/api/v1/destinations',
      json('POST', { type: 'webhook', name: 'People webhook', credentials: { url: receiver.url } }),
    );
    expect(added.status).toBe(201);
    receiver.setSecret(added.body.generatedCredentials.signingSecret);
    const hire = await hired(KEVIN);
    if (hire.missingRequired.length > 0) {
      const fill = Object.fromEntries(hire.missingRequired.map((k) => [k, fillRequiredValue(k, 1)]));
      expect((await h.api(`/api/v1/new-hires/${hire.id}`, json('PATCH', { fields: fill }))).status).toBe(200);
    }
    const member = await h.api<{ id: string }>(`/api/v1/new-hires/${hire.id}/add-member`, json('POST', {}));
    expect(member.status).toBe(201);
    const memberId = member.body.id;
    await waitFor('the member to reach the webhook', async () =>
      receiver.events.some((e) => e.event.type === 'member.created') ? true : undefined,
    );
    await h.settle();
    const blobRoot = path.join(h.server.config.dataDir, 'blobs');
    const filesBefore = storedFiles(blobRoot).length;
    const memberDocs = (await h.api<{ items: unknown[] }>(`/api/v1/members/${memberId}/documents`)).body
      .items;

    h.sim.deleteCandidate(candidateOf(KEVIN));
    await h.settle();
    // Not erased by the webhook: an admin decides.
    expect((await h.api(`/api/v1/members/${memberId}`)).status).toBe(200);
    const requests = await h.api<ErasureRequestsResponse>('/api/v1/erasure-requests');
    expect(requests.body.items.map((r) => r.memberId)).toEqual([memberId]);

    const unconfirmed = await h.api(`/api/v1/members/${memberId}/erase`, json('POST', {}));
    expect(unconfirmed.status).toBe(400);
    const inboxToken = await h.server.token('inbox');
    const asInbox = await fetch(`${h.server.url}/api/v1/members/${memberId}/erase`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inboxToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ confirm: true }),
    });
    expect(asInbox.status).toBe(403);

    const erased = await h.api<ErasureReportResponse>(
      `/api/v1/members/${memberId}/erase`,
      json('POST', { confirm: true }),
    );
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      memberId,
      files: memberDocs.length,
      told: [{ destinationId: added.body.id }],
      notTold: [],
    });
    await h.settle();
    expect((await h.api(`/api/v1/members/${memberId}`)).status).toBe(404);
    expect((await hireOf(KEVIN)).fields).toEqual({});
    expect((await h.api<ErasureRequestsResponse>('/api/v1/erasure-requests')).body.items).toEqual([]);
    await waitFor('member.deleted at the webhook', async () =>
      receiver.events.find(
        (e) => e.event.type === 'member.deleted' && JSON.stringify(e.event.data).includes(memberId),
      ),
    );
    expect(storedFiles(blobRoot).length).toBe(filesBefore - memberDocs.length);
    // The audit says who erased which member id, never the person.
    const audit = await h.server.container.database.db
      .selectFrom('audit_log')
      .select(['actor', 'details', 'target_id'])
      .where('action', '=', 'member.erase')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_id: memberId });
    expect(audit[0]!.actor).toMatch(/^token:test admin/);
    const name = (hire.fields['lastName'] as { value?: unknown } | undefined)?.value;
    expect(typeof name).toBe('string');
    expect(JSON.stringify(audit)).not.toContain(String(name));
  });
});
