import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { runCli } from '../support/run-cli.js';
import { TEST_DIALECTS } from '../support/test-databases.js';

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // manager Chen Wei
const SAM = 'a00a15ed-90d6-5790-a42c-e1751b7e19ed'; // only a Work email: personalEmail missing
const MADONNA = 'cbe85112-0bbb-5b7b-b39f-dde3965b14fb';
const JOSE = '33cb412c-73af-5d5a-933f-a7ca2980c608';
const KEVIN_ACTIVE = '9fb6f1e1-e29f-5730-9ab5-b4f8f5efa078';
const KEVIN_ARCHIVED = 'cbc8897a-477f-541c-8076-9fc892c0abbd'; // same candidate as KEVIN_ACTIVE
const ERIK = 'b13b651c-235d-5e4b-9762-43d6a744fb5a';

interface Hire {
  id: string;
  status: string;
  fields: Record<string, { value: unknown }>;
  missingRequired: string[];
  memberId: string | null;
  reportingTo: { status: string; memberId?: string; by?: string };
  history: { kind: string; actor: string; changes: Record<string, { from: unknown; to: unknown }> }[];
  source: { applicationId: string };
}
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

describe.each(TEST_DIALECTS)('New hires inbox and people directory on %s', (dialect) => {
  let h: IntakeHarness;
  let inbox: string;
  beforeAll(async () => {
    h = await startIntakeHarness(dialect);
    inbox = await h.server.token('inbox');
  });
  afterAll(async () => {
    await h.dispose();
  });

  const as =
    (token: string) =>
    (p: string, init: RequestInit = {}) =>
      h.api<unknown>(p, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
  const hireOf = async (applicationId: string): Promise<Hire> => {
    const list = await h.api<{ items: Hire[] }>('/api/v1/new-hires?limit=500');
    const found = list.body.items.find((i) => i.source.applicationId === applicationId);
    if (!found) throw new Error(`no new hire for ${applicationId}`);
    return (await h.api<Hire>(`/api/v1/new-hires/${found.id}`)).body;
  };
  const hire = async (applicationId: string) => {
    h.sim.hire(applicationId);
    await h.settle();
    return hireOf(applicationId);
  };
  const post = (p: string, token = inbox) => as(token)(p, { method: 'POST' });
  const patch = (p: string, body: unknown, token = inbox) =>
    as(token)(p, { method: 'PATCH', body: JSON.stringify(body) });

  it('seeds the directory from CSV, reporting bad rows by line without stopping the good ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-csv-'));
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(
      file,
      [
        'firstName,lastName,personalEmail,workEmail,jobTitle,department,location,managerEmail',
        'Chen,Wei,,chen.wei@northwind.example,Engineering Manager,Engineering,Berlin,',
        'Ada,Lovelace,ADA@example.com,,Engineer,engineering,Berlin,chen.wei@northwind.example',
        'Bad,Email,not-an-email,,Engineer,Engineering,Berlin,',
        ',NoFirst,nofirst@example.com,,,,,',
        'Tom,Berg,,tom.berg.other@example.com,Recruiter,People,Berlin,',
      ].join('\n'),
    );
    const result = await runCli(['members', 'import', file], h.server.env);
    expect(result.stdout).toContain('Imported 3 member(s).');
    expect(result.stdout).toMatch(/line 4: personalEmail .*email/i);
    expect(result.stdout).toMatch(/line 5: firstName is required/);
    expect(result.code).toBe(1);
    const members = await h.api<{
      items: {
        fields: Record<string, unknown>;
        department: { name: string } | null;
        managerId: string | null;
        id: string;
      }[];
    }>('/api/v1/members?q=ada');
    expect(members.body.items).toHaveLength(1);
    const ada = members.body.items[0]!;
    // Departments are matched by normalised name: "engineering" joined "Engineering".
    expect(ada.department?.name).toBe('Engineering');
    const chen = (await h.api<{ items: { id: string }[] }>('/api/v1/members?q=chen')).body.items[0]!;
    expect(ada.managerId).toBe(chen.id);
    fs.rmSync(dir, { recursive: true });
  });

  it('resolves Reporting to by email, then by name, and leaves it unmatched rather than guess', async () => {
    const anna = await hire(ANNA);
    const chen = (await h.api<{ items: { id: string }[] }>('/api/v1/members?q=chen')).body.items[0]!;
    expect(anna.reportingTo).toEqual({ status: 'matched', memberId: chen.id, by: 'email' });

    // Tom Berg is a member under another email: the name matches.
    const edited = await patch(`/api/v1/new-hires/${anna.id}`, {
      fields: { reportingTo: { name: 'Tom  Berg', email: 'tom@elsewhere.example' } },
    });
    expect(edited.status).toBe(200);
    expect((edited.body as Hire).reportingTo).toMatchObject({ status: 'matched', by: 'name' });
    const unmatched = await patch(`/api/v1/new-hires/${anna.id}`, {
      fields: { reportingTo: { name: 'Nobody Known', email: null } },
    });
    expect((unmatched.body as Hire).reportingTo).toMatchObject({ status: 'unmatched' });
  });

  it('refuses Add member while required fields are missing, naming each; an edit completes it', async () => {
    const sam = await hire(SAM);
    expect(sam.missingRequired).toEqual(['personalEmail']);
    const refused = await post(`/api/v1/new-hires/${sam.id}/add-member`);
    expect(refused.status).toBe(422);
    expect((refused.body as ErrorBody).error).toMatchObject({
      code: 'required_fields_missing',
      details: { fields: ['personalEmail'] },
    });

    const bad = await patch(`/api/v1/new-hires/${sam.id}`, {
      fields: {
        personalEmail: 'nope',
        employmentStartDate: '2026-02-30',
        salaryCurrency: 'EURO',
        salaryAmount: -5,
      },
    });
    expect(bad.status).toBe(422);
    const problems = (bad.body as ErrorBody).error.details?.['problems'] as { field: string }[];
    expect(problems.map((p) => p.field).sort()).toEqual([
      'employmentStartDate',
      'personalEmail',
      'salaryAmount',
      'salaryCurrency',
    ]);
    expect((await hireOf(SAM)).missingRequired).toEqual(['personalEmail']);

    const ok = await patch(`/api/v1/new-hires/${sam.id}`, {
      fields: { personalEmail: 'sam.oneil@home.example' },
    });
    expect(ok.status).toBe(200);
    const done = ok.body as Hire;
    expect(done.missingRequired).toEqual([]);
    expect(done.history.at(-1)).toMatchObject({
      kind: 'edited',
      actor: expect.stringContaining('test inbox'),
      changes: { personalEmail: { from: null, to: 'sam.oneil@home.example' } },
    });

    const added = await post(`/api/v1/new-hires/${sam.id}/add-member`);
    expect(added.status).toBe(201);
    const again = await post(`/api/v1/new-hires/${sam.id}/add-member`);
    expect(again.status).toBe(200);
    expect((again.body as { id: string }).id).toBe((added.body as { id: string }).id);
    const member = await h.api<{ fields: Record<string, unknown>; ashby: { applicationId: string } }>(
      `/api/v1/members/${(added.body as { id: string }).id}`,
    );
    expect(member.body.fields['personalEmail']).toBe('sam.oneil@home.example');
    expect(member.body.ashby.applicationId).toBe(SAM);
    // Edits after adding are refused: the record belongs to the directory now.
    expect((await patch(`/api/v1/new-hires/${sam.id}`, { fields: { jobTitle: 'x' } })).status).toBe(409);
  });

  it('refuses a duplicate person: same email in another case, and the same Ashby candidate (internal hire)', async () => {
    const madonna = await hire(MADONNA);
    const dup = await patch(`/api/v1/new-hires/${madonna.id}`, {
      fields: { personalEmail: 'Ada@Example.COM', lastName: 'Lovelace' },
    });
    expect(dup.status).toBe(200);
    const refused = await post(`/api/v1/new-hires/${madonna.id}/add-member`);
    expect(refused.status).toBe(409);
    expect((refused.body as ErrorBody).error.message).toMatch(
      /already a member \(Ada Lovelace\); matched on email/,
    );

    const first = await hire(KEVIN_ACTIVE);
    const fill =
      first.missingRequired.length > 0
        ? Object.fromEntries(
            first.missingRequired.map((k) => [k, k === 'employmentStartDate' ? '2026-01-05' : `${k}-value`]),
          )
        : null;
    if (fill) await patch(`/api/v1/new-hires/${first.id}`, { fields: fill });
    expect((await post(`/api/v1/new-hires/${first.id}/add-member`)).status).toBe(201);
    const rehire = await hire(KEVIN_ARCHIVED);
    if (rehire.missingRequired.length > 0)
      await patch(`/api/v1/new-hires/${rehire.id}`, {
        fields: Object.fromEntries(
          rehire.missingRequired.map((k) => [k, k === 'employmentStartDate' ? '2026-01-05' : `${k}-value`]),
        ),
      });
    const internal = await post(`/api/v1/new-hires/${rehire.id}/add-member`);
    expect(internal.status).toBe(409);
    expect((internal.body as ErrorBody).error.details).toMatchObject({ matchedOn: 'Ashby candidate' });
  });

  it('keeps a deleted new hire deleted when Ashby delivers again, and restores it on request', async () => {
    const jose = await hire(JOSE);
    const deleted = await as(inbox)(`/api/v1/new-hires/${jose.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    const after = await hireOf(JOSE);
    expect(after.status).toBe('deleted');
    expect(after.fields).toEqual({});
    expect(after.history.map((e) => e.kind)).toEqual(['deleted']);
    h.sim.hire(JOSE);
    await h.settle();
    expect((await hireOf(JOSE)).status).toBe('deleted');
    const deliveries = await h.api<{ items: { applicationId: string; outcome: string }[] }>(
      '/api/v1/deliveries?limit=500',
    );
    // The event's first delivery met the tombstone; its fan-out siblings are marked as the same event.
    expect(
      deliveries.body.items.filter((d) => d.applicationId === JOSE).map((d) => d.outcome),
    ).toContainEqual(expect.stringMatching(/tombstone/));

    const restored = await runCli(['new-hires', 'restore', jose.id], h.server.env);
    expect(restored.code).toBe(0);
    await h.settle();
    const back = await hireOf(JOSE);
    expect(back.status).toBe('in_review');
    expect(back.fields['lastName']?.value).toBeTruthy();
  });

  it('takes a moved start date while in review, and offers it as a pending update once added', async () => {
    const erik = await hire(ERIK);
    const before = erik.fields['employmentStartDate']?.value;
    h.sim.updateOfferStartDate(ERIK, '2027-03-01');
    await h.settle();
    const moved = await hireOf(ERIK);
    expect(moved.fields['employmentStartDate']?.value).toBe('2027-03-01');
    expect(moved.history.find((e) => e.kind === 'ashby_update')?.changes).toEqual({
      employmentStartDate: { from: before, to: '2027-03-01' },
    });

    // A reviewer edit wins over later Ashby changes to the same field.
    await patch(`/api/v1/new-hires/${erik.id}`, { fields: { jobTitle: 'Staff Engineer' } });
    h.sim.updateOfferStartDate(ERIK, '2027-04-01');
    await h.settle();
    const kept = await hireOf(ERIK);
    expect(kept.fields['jobTitle']?.value).toBe('Staff Engineer');
    expect(kept.fields['employmentStartDate']?.value).toBe('2027-04-01');

    if (kept.missingRequired.length > 0)
      await patch(`/api/v1/new-hires/${erik.id}`, { fields: { personalEmail: 'erik@home.example' } });
    const added = await post(`/api/v1/new-hires/${erik.id}/add-member`);
    expect(added.status).toBe(201);
    const memberId = (added.body as { id: string }).id;
    h.sim.updateOfferStartDate(ERIK, '2027-05-01');
    await h.settle();
    const member = await h.api<{
      fields: Record<string, unknown>;
      pendingUpdates: { id: string; changes: Record<string, { from: unknown; to: unknown }> }[];
    }>(`/api/v1/members/${memberId}`);
    expect(member.body.fields['employmentStartDate']).toBe('2027-04-01');
    expect(member.body.pendingUpdates).toHaveLength(1);
    const update = member.body.pendingUpdates[0]!;
    expect(update.changes['employmentStartDate']).toEqual({ from: '2027-04-01', to: '2027-05-01' });
    // The directory list carries the pending change too (the admin app's "changes from Ashby" badge).
    const listed = await h.api<{ items: { id: string; pendingUpdates: { id: string }[] }[] }>(
      '/api/v1/members',
    );
    expect(listed.body.items.find((m) => m.id === memberId)?.pendingUpdates.map((u) => u.id)).toEqual([
      update.id,
    ]);
    // The reviewer's job title was what went into the directory; Ashby's differs, so it is offered too.
    expect(update.changes['jobTitle']?.from).toBe('Staff Engineer');

    const accepted = await post(`/api/v1/members/${memberId}/updates/${update.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(
      (accepted.body as { fields: Record<string, unknown>; pendingUpdates: unknown[] }).fields[
        'employmentStartDate'
      ],
    ).toBe('2027-05-01');
    expect((await post(`/api/v1/members/${memberId}/updates/${update.id}/reject`)).status).toBe(409);
  });

  it(
    'runs the whole loop from the CLI: inbox, edit, add member, member visible',
    { timeout: 120_000 },
    async () => {
      const fatima = await hire('5ad757a3-2f30-5c51-b9c4-fe43387e90c8');
      const list = await runCli(['new-hires', 'list', '--json'], h.server.env);
      expect((JSON.parse(list.stdout) as { items: { id: string }[] }).items.map((i) => i.id)).toContain(
        fatima.id,
      );
      const edit = await runCli(
        ['new-hires', 'edit', fatima.id, '--set', 'jobTitle=Head of Robotics', '--set', 'salaryAmount=91000'],
        h.server.env,
      );
      expect(edit.code).toBe(0);
      expect(edit.stdout).toMatch(/jobTitle\s+Head of Robotics/);
      const add = await runCli(['new-hires', 'add-member', fatima.id], h.server.env);
      expect(add.code).toBe(0);
      expect(add.stdout).toMatch(/Added member /);
      const members = await runCli(['members', 'list', '--search', 'fatima'], h.server.env);
      expect(members.stdout).toContain('Head of Robotics');
      const badEdit = await runCli(['new-hires', 'edit', fatima.id, '--set', 'jobTitle=x'], h.server.env);
      expect(badEdit.code).toBe(1);
      expect(badEdit.stderr).toContain('conflict');
    },
  );

  it('records every action in the audit log with who and what, and keeps it from inbox tokens', async () => {
    const log = await h.api<{
      items: { actor: string; action: string; targetType: string; details: Record<string, unknown> }[];
    }>('/api/v1/audit?limit=500');
    const actions = new Set(log.body.items.map((e) => e.action));
    for (const action of [
      'connection.connect',
      'token.create',
      'members.import',
      'new_hire.edit',
      'new_hire.add_member',
      'new_hire.delete',
      'new_hire.restore',
      'member.update.accept',
    ]) {
      expect(actions).toContain(action);
    }
    expect(JSON.stringify(log.body)).not.toContain('sam.oneil@home.example');
    expect((await as(inbox)('/api/v1/audit')).status).toBe(403);
  });
});
