import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberHistoryResponse } from '../../src/contract/member-files.js';
import { bearerApi } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface MemberBody {
  id: string;
  fields: Record<string, unknown>;
  department: { name: string } | null;
  location: { name: string } | null;
  managerId: string | null;
}

const FILE = [
  'firstName,lastName,workEmail,jobTitle,department',
  'Grace,Hopper,grace@example.com,CTO,Engineering',
  'Ada,Lovelace,ada@example.com,Engineer,Engineering',
  'Alan,Turing,alan@example.com,Researcher,Research',
].join('\n');

describe.each(TEST_DIALECTS)('Editing members in the directory on %s', (dialect) => {
  let server: TestServer;
  let api: ReturnType<typeof bearerApi>;
  let byName: Record<string, MemberBody>;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    api = bearerApi(server.url, await server.token('inbox'));
    const imported = await api('/api/v1/members/import', {
      method: 'POST',
      body: JSON.stringify({ csv: FILE }),
    });
    expect(imported.status).toBe(200);
    const list = await api<{ items: MemberBody[] }>('/api/v1/members?limit=500');
    byName = Object.fromEntries(list.body.items.map((m) => [m.fields['firstName'] as string, m]));
  }, 60_000);
  afterAll(async () => {
    await server?.dispose();
  });
  const patch = (id: string, body: unknown) =>
    api<MemberBody & { error?: { code: string; message: string } }>(`/api/v1/members/${id}`, {
      method: 'PATCH',
      body: JSON.stringify(body),
    });
  const get = async (id: string) => (await api<MemberBody>(`/api/v1/members/${id}`)).body;
  const history = async (id: string) =>
    (await api<MemberHistoryResponse>(`/api/v1/members/${id}/history`)).body.items;

  it('edits work email, employee id, title, department, location and manager, with history', async () => {
    const ada = byName['Ada']!;
    const grace = byName['Grace']!;
    const edited = await patch(ada.id, {
      fields: {
        workEmail: 'ada.lovelace@example.com',
        employeeId: 'E-0042',
        jobTitle: 'Principal Engineer',
        department: 'Research',
        location: 'London',
      },
      managerId: grace.id,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.fields).toMatchObject({
      workEmail: 'ada.lovelace@example.com',
      employeeId: 'E-0042',
      jobTitle: 'Principal Engineer',
    });
    expect(edited.body.department?.name).toBe('Research');
    expect(edited.body.location?.name).toBe('London');
    expect(edited.body.managerId).toBe(grace.id);
    const [entry] = await history(ada.id);
    expect(entry?.kind).toBe('edited');
    expect(entry?.changes['jobTitle']).toEqual({ from: 'Engineer', to: 'Principal Engineer' });
    expect(entry?.changes['managerId']).toEqual({ from: null, to: grace.id });
    expect(entry?.actor).toMatch(/token/);
    // The manager is named, so the page never shows an id.
    expect((await api<MemberHistoryResponse>(`/api/v1/members/${ada.id}/history`)).body.names).toEqual({
      [grace.id]: 'Grace Hopper',
    });
  });

  it('refuses a bad value, naming it, and keeps every stored value', async () => {
    const ada = byName['Ada']!;
    const before = await get(ada.id);
    const cases: [unknown, RegExp][] = [
      [{ fields: { workEmail: 'not-an-email', jobTitle: 'Changed' } }, /Work email/],
      [{ fields: { workEmail: 'grace@example.com' } }, /already belongs to another member, Grace Hopper/],
      [{ fields: { salaryAmount: '1e' } }, /salaryAmount cannot be edited here/],
      [{ managerId: ada.id }, /cannot report to themselves/],
      [{ managerId: 'no-such-member' }, /names no member/],
      [{ status: 'offboarded' }, /An end date is required/],
      [{ status: 'offboarded', endDate: '02/30/2027' }, /end date must be a date/],
      [{ status: 'retired' }, /status/],
      [{ fields: { jobTitle: 'x'.repeat(600) } }, /fields.jobTitle: is too long: at most 500 characters/],
    ];
    for (const [body, message] of cases) {
      const answer = await patch(ada.id, body);
      expect(answer.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(answer.status, JSON.stringify(body)).toBeLessThan(500);
      expect(answer.body.error?.message).toMatch(message);
    }
    // Grace reports to Ada would close a loop (Ada reports to Grace).
    const loop = await patch(byName['Grace']!.id, { managerId: ada.id });
    expect(loop.status).toBe(400);
    expect(loop.body.error?.message).toMatch(/reporting loop/);
    expect(await get(ada.id)).toEqual(before);
  });

  it('offboards with an end date, archives, and reactivates, each in the history', async () => {
    const alan = byName['Alan']!;
    const off = await patch(alan.id, { status: 'offboarded', endDate: '2027-03-31' });
    expect(off.status).toBe(200);
    expect(off.body.fields).toMatchObject({
      employmentStatus: 'offboarded',
      employmentEndDate: '2027-03-31',
    });
    const archived = await patch(alan.id, { status: 'archived' });
    expect(archived.body.fields['employmentStatus']).toBe('archived');
    const back = await patch(alan.id, { status: 'active' });
    expect(back.body.fields['employmentStatus'] ?? null).toBeNull();
    expect(back.body.fields['employmentEndDate'] ?? null).toBeNull();
    expect((await history(alan.id)).map((e) => e.kind)).toEqual(['reactivated', 'archived', 'offboarded']);
    const audit = await bearerApi(
      server.url,
      await server.token('admin'),
    )<{ items: { action: string }[] }>('/api/v1/audit');
    expect(audit.body.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(['member.offboarded', 'member.archived', 'member.reactivated', 'member.edit']),
    );
  });
});
