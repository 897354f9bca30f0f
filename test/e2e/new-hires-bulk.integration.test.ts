import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkResultResponse } from '../../src/contract/new-hire-bulk.js';
import type { ManagerMatchResponse } from '../../src/contract/member-files.js';
import { bearerApi, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { SessionClient } from '../support/session-client.js';
import { addSignedUpUser } from '../support/signed-up-user.js';
import { TEST_DIALECTS } from '../support/test-databases.js';

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // reports to Chen Wei, not in the directory yet
const SAM = 'a00a15ed-90d6-5790-a42c-e1751b7e19ed'; // personal email missing
const JOSE = '33cb412c-73af-5d5a-933f-a7ca2980c608';
const ERIK = 'b13b651c-235d-5e4b-9762-43d6a744fb5a';
const OLUWASEUN = 'cec15da7-4ddc-5495-a088-806dff7a598f';

interface Hire {
  id: string;
  status: string;
  fields: Record<string, { value: unknown } | undefined>;
  missingRequired: string[];
  memberId: string | null;
  source: { applicationId: string };
}
interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(TEST_DIALECTS)('Bulk Add member and bulk delete on %s', (dialect) => {
  let h: IntakeHarness;
  let inboxApi: IntakeHarness['api'];
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await startIntakeHarness(dialect);
    inboxApi = bearerApi(h.server.url, await h.server.token('inbox'));
    for (const applicationId of [ANNA, SAM, JOSE, ERIK, OLUWASEUN]) h.sim.hire(applicationId);
    await h.settle();
    for (const hire of await list()) {
      ids[hire.source.applicationId] = hire.id;
      // Every hire but Sam is made complete, so the only missing field of the batch is Sam's.
      const missing = hire.missingRequired;
      if (hire.source.applicationId === SAM || missing.length === 0) continue;
      const filled = await inboxApi(`/api/v1/new-hires/${hire.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ fields: Object.fromEntries(missing.map((k) => [k, fillFor(k)])) }),
      });
      expect(filled.status).toBe(200);
    }
  }, 90_000);
  afterAll(async () => {
    await h?.dispose();
  });

  const list = async () => (await h.api<{ items: Hire[] }>('/api/v1/new-hires?limit=500')).body.items;
  const hire = async (id: string) => (await h.api<Hire>(`/api/v1/new-hires/${id}`)).body;
  const bulk = (action: 'bulk-add-member' | 'bulk-delete', body: unknown, call = inboxApi) =>
    call<BulkResultResponse & ErrorBody>(`/api/v1/new-hires/${action}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });

  it('refuses a batch over the limit, an empty one and unknown keys, changing nothing', async () => {
    const before = await list();
    const tooMany = await bulk('bulk-add-member', {
      ids: [ids[JOSE], ...Array.from({ length: 200 }, (_, i) => `id-${String(i)}`)],
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('validation_failed');
    expect(tooMany.body.error.message).toMatch(/ids: at most 200 new hires in one request/);
    const tooManyDeletes = await bulk('bulk-delete', {
      ids: Array.from({ length: 201 }, () => ids[SAM]),
    });
    expect(tooManyDeletes.status).toBe(400);
    const empty = await bulk('bulk-delete', { ids: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/ids: choose at least one new hire/);
    const extra = await bulk('bulk-delete', { ids: [ids[SAM]], everything: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/everything/);
    const notAList = await bulk('bulk-add-member', { ids: ids[JOSE] });
    expect(notAList.status).toBe(400);
    const badDestination = await bulk('bulk-add-member', {
      ids: [ids[JOSE], ids[ERIK]],
      destinations: ['no-such-destination'],
    });
    expect(badDestination.status).toBe(400);
    expect(badDestination.body.error.message).toMatch(/no destination has the id no-such-destination/);
    expect(await list()).toEqual(before);
  });

  it('is for inbox managers and admins: no credentials 401, a viewer 403', async () => {
    const anonymous = await fetch(`${h.server.url}/api/v1/new-hires/bulk-delete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [ids[SAM]] }),
    });
    expect(anonymous.status).toBe(401);
    await addSignedUpUser(h.server, {
      email: 'viewer@example.com',
      name: 'Vera Viewer',
      role: 'viewer',
      password: 'a long viewer password',
    });
    const viewer = new SessionClient(h.server.url);
    await viewer.signIn('viewer@example.com', 'a long viewer password');
    for (const action of ['bulk-add-member', 'bulk-delete']) {
      const refused = await viewer.post(`/api/v1/new-hires/${action}`, { ids: [ids[SAM]] });
      expect(refused.status).toBe(403);
    }
    expect((await hire(ids[SAM]!)).status).toBe('in_review');
  });

  it('adds each complete hire and names the problem of the others, without losing anything', async () => {
    const samBefore = await hire(ids[SAM]!);
    const answer = await bulk('bulk-add-member', {
      ids: [ids[ANNA], ids[SAM], 'no-such-hire', ids[JOSE], ids[ANNA], ids[ERIK]],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((i) => i.id)).toEqual([
      ids[ANNA],
      ids[SAM],
      'no-such-hire',
      ids[JOSE],
      ids[ERIK],
    ]);
    const [anna, sam, unknown, jose, erik] = answer.body.items;
    expect(anna).toMatchObject({ ok: true, created: true });
    expect(jose).toMatchObject({ ok: true, created: true });
    expect(erik).toMatchObject({ ok: true, created: true });
    expect(sam).toEqual({
      id: ids[SAM],
      ok: false,
      code: 'required_fields_missing',
      problem: 'missing required fields: personal email',
    });
    expect(unknown).toMatchObject({ ok: false, code: 'not_found', problem: 'no new hire has this id' });
    expect(answer.body).toMatchObject({ done: 3, failed: 2 });
    for (const applicationId of [ANNA, JOSE, ERIK]) {
      const added = await hire(ids[applicationId]!);
      expect(added.status).toBe('added');
      const item = answer.body.items.find((i) => i.id === added.id);
      expect(item?.ok && item.memberId).toBe(added.memberId);
    }
    // Sam's record is exactly as it was: a failed hire in a batch is never touched.
    expect(await hire(ids[SAM]!)).toEqual(samBefore);

    // Again: those already added answer ok (not created again), the rest the same problems.
    const again = await bulk('bulk-add-member', { ids: [ids[ANNA], ids[SAM]] });
    expect(again.body.items).toMatchObject([
      { ok: true, created: false },
      { ok: false, code: 'required_fields_missing' },
    ]);
    const members = await h.api<{ items: { newHireId: string | null }[] }>('/api/v1/members?limit=500');
    expect(members.body.items.filter((m) => m.newHireId === ids[ANNA])).toHaveLength(1);
  });

  it('deletes each hire it may, and says why not for an added one or an unknown id', async () => {
    const answer = await bulk('bulk-delete', { ids: [ids[SAM], ids[JOSE], 'no-such-hire', ids[OLUWASEUN]] });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      { id: ids[SAM], ok: true },
      {
        id: ids[JOSE],
        ok: false,
        code: 'conflict',
        problem: expect.stringMatching(/already a member of the directory/),
      },
      { id: 'no-such-hire', ok: false, code: 'not_found', problem: 'no new hire has this id' },
      { id: ids[OLUWASEUN], ok: true },
    ]);
    expect((await hire(ids[SAM]!)).status).toBe('deleted');
    expect((await hire(ids[OLUWASEUN]!)).status).toBe('deleted');
    expect((await hire(ids[JOSE]!)).status).toBe('added');
    // A deleted hire cannot be bulk-added: the problem says how to get it back.
    const refused = await bulk('bulk-add-member', { ids: [ids[SAM]] });
    expect(refused.body.items[0]).toMatchObject({ ok: false, code: 'conflict', problem: /restore it/ });
    const audit = await h.api<{ items: { action: string; targetId: string }[] }>('/api/v1/audit?limit=500');
    const actions = audit.body.items.filter((a) => a.targetId === ids[SAM]).map((a) => a.action);
    expect(actions).toContain('new_hire.delete');
  });

  it("offers a one-click match once a member's unmatched manager joins the directory", async () => {
    const annaMember = (await hire(ids[ANNA]!)).memberId!;
    const match = (id: string) =>
      inboxApi<ManagerMatchResponse & ErrorBody>(`/api/v1/members/${id}/manager-match`);
    expect((await match(annaMember)).body).toEqual({
      status: 'unmatched',
      reason: 'no member has this email or name',
    });
    const imported = await inboxApi('/api/v1/members/import', {
      method: 'POST',
      body: JSON.stringify({
        csv: 'firstName,lastName,workEmail,jobTitle\nChen,Wei,chen.wei@northwind.example,Engineering Manager',
      }),
    });
    expect(imported.status).toBe(200);
    const chen = (await inboxApi<{ items: { id: string }[] }>('/api/v1/members?q=chen')).body.items[0]!;
    expect((await match(annaMember)).body).toEqual({
      status: 'matched',
      memberId: chen.id,
      name: 'Chen Wei',
      by: 'email',
    });
    const set = await inboxApi<{ managerId: string }>(`/api/v1/members/${annaMember}`, {
      method: 'PATCH',
      body: JSON.stringify({ managerId: chen.id }),
    });
    expect(set.body.managerId).toBe(chen.id);
    expect((await match(annaMember)).body).toEqual({ status: 'none' });
    const unknown = await match('no-such-member');
    expect(unknown.status).toBe(404);
  });
});

function fillFor(key: string): string {
  if (key === 'employmentStartDate') return '2027-01-04';
  if (key === 'personalEmail') return 'filled@example.com';
  return `${key} value`;
}
