import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from '../../src/connectors/ashby/fake/sample-fixture.js';
import { loadScenarioFile } from '../../src/connectors/ashby/fake/scenario-loader.js';
import type { Scenario } from '../../src/connectors/ashby/fake/scenario-schema.js';
import type { Opening } from '../../src/connectors/ashby/schemas.js';
import { POSITION_FIELD } from '../../src/connectors/charthop/assumptions.js';
import { startCharthopFake } from '../../src/connectors/charthop/fake/charthop-fake.js';
import { bearerApi, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';

/** A key with everything opening sync can use, custom fields included. */
const OPENINGS_KEY = 'openings_full_key';
/** A key that may import hires but not publish openings. */
const NO_JOBS_WRITE_KEY = 'no_jobs_write_key';

async function scenarioWithKeys(): Promise<Scenario> {
  const scenario = await loadScenarioFile(SAMPLE_COMPANY_PATH);
  const full = scenario.apiKeys.find((k) => k.key === SAMPLE_KEYS.full)!;
  scenario.apiKeys.push(
    {
      ...full,
      key: OPENINGS_KEY,
      permissions: [...full.permissions, 'candidatesWrite', 'hiringProcessMetadataWrite'],
    },
    {
      ...full,
      key: NO_JOBS_WRITE_KEY,
      // Nor apiKeysWrite: its connection makes no webhooks, so hires reach the first connection only.
      permissions: full.permissions.filter((p) => p !== 'jobsWrite' && p !== 'apiKeysWrite'),
    },
  );
  return scenario;
}

interface PositionBody {
  id: string;
  status: string;
  filledBy: { memberId: string; name: string } | null;
}
interface RunBody {
  id: string;
  status: string;
  created: number;
  updated: number;
  closed: number;
  failed: number;
  errors: { positionId: string | null; message: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; details?: { missing?: string[] } };
}

describe.each(TEST_DIALECTS)('positions published to Ashby as openings on %s', (dialect) => {
  let h: IntakeHarness;
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await scenarioWithKeys();
    h = await startIntakeHarness(dialect, { scenario, key: OPENINGS_KEY });
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const team = (name: string) => scenario.departments.find((d) => d.name === name)!.id;
  const place = (name: string) => scenario.locations.find((l) => l.name === name)!.id;
  const openingOf = (positionId: string): Opening[] =>
    h.sim.openings().filter((o) => o.latestVersion?.identifier === `HB-${positionId}`);
  const addPosition = async (body: Record<string, unknown>) => {
    const res = await h.api<PositionBody>('/api/v1/positions', {
      method: 'POST',
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  /** Sync now, then the run it started, once finished. */
  const syncNow = async (): Promise<RunBody> => {
    const res = await h.api<{ runId: string }>(`/api/v1/connections/${h.connectionId}/openings/sync`, {
      method: 'POST',
    });
    expect(res.status).toBe(202);
    await h.settle();
    const runs = await h.api<{ runs: RunBody[] }>(`/api/v1/connections/${h.connectionId}/openings/sync`);
    const run = runs.body.runs.find((r) => r.id === res.body.runId);
    if (!run) throw new Error(`run ${res.body.runId} is not listed`);
    return run;
  };

  it('refuses to enable sync on a key without jobsWrite, naming the permission', async () => {
    const second = await h.api<{ id: string }>('/api/v1/connections/ashby', {
      method: 'POST',
      body: JSON.stringify({ apiKey: NO_JOBS_WRITE_KEY, apiUrl: h.sim.url, name: 'Read only' }),
    });
    expect(second.status).toBe(201);
    const refused = await h.api<ErrorBody>(`/api/v1/connections/${second.body.id}/openings/settings`, {
      method: 'PUT',
      body: JSON.stringify({ enabled: true }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('permission_missing');
    expect(refused.body.error.details?.missing).toEqual(['jobsWrite']);
    expect(refused.body.error.message).toContain('jobsWrite (create, update and close openings)');
    // Custom fields need two more permissions, each named.
    const withFields = await h.api<ErrorBody>(`/api/v1/connections/${second.body.id}/openings/settings`, {
      method: 'PUT',
      body: JSON.stringify({ enabled: true, customFields: ['Cost centre'] }),
    });
    expect(withFields.body.error.details?.missing).toEqual([
      'jobsWrite',
      'hiringProcessMetadataWrite',
      'candidatesWrite',
    ]);
    // Sync now on a connection where sync is off is refused in words.
    const off = await h.api<ErrorBody>(`/api/v1/connections/${second.body.id}/openings/sync`, {
      method: 'POST',
    });
    expect(off.status).toBe(409);
    expect(off.body.error.message).toContain('Opening sync is off');
  });

  it('refuses bad positions with the problem named, and inbox managers may read but not write', async () => {
    const bad = await h.api<ErrorBody>('/api/v1/positions', {
      method: 'POST',
      body: JSON.stringify({ title: ' ', targetStartDate: '2026-02-30', employmentType: 'Gig' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('title');
    expect(bad.body.error.message).toContain('employmentType');
    const dated = await h.api<ErrorBody>('/api/v1/positions', {
      method: 'POST',
      body: JSON.stringify({ title: 'Analyst', targetStartDate: '2026-02-30' }),
    });
    expect(dated.status).toBe(400);
    expect(dated.body.error.message).toContain('2026-02-30 is not a date');
    const inbox = bearerApi(h.server.url, await h.server.token('inbox'));
    expect((await inbox('/api/v1/positions')).status).toBe(200);
    expect((await inbox('/api/v1/positions', { method: 'POST', body: '{"title":"X"}' })).status).toBe(403);
  });

  it('imports positions from CSV, reporting bad rows by line', async () => {
    const csv = [
      'title,department,recruiting,targetStartDate,custom:Cost centre',
      'Designer,Platform,yes,2026-07-01,CC-7',
      'Broken,Sales,maybe,,',
      'Writer,,no,,',
    ].join('\n');
    const res = await h.api<{ imported: number; problems: { line: number; message: string }[] }>(
      '/api/v1/positions/import',
      { method: 'POST', body: JSON.stringify({ csv }) },
    );
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(2);
    expect(res.body.problems).toEqual([{ line: 3, message: 'recruiting: "maybe" is not yes or no' }]);
    const unknown = await h.api<ErrorBody>('/api/v1/positions/import', {
      method: 'POST',
      body: JSON.stringify({ csv: 'title,salary\nX,1' }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('Unknown columns: salary');
    const list = await h.api<{ items: (PositionBody & { title: string; customFields: object })[] }>(
      '/api/v1/positions',
    );
    expect(list.body.items.find((p) => p.title === 'Designer')?.customFields).toEqual({
      'Cost centre': 'CC-7',
    });
    // Not recruiting: closed so later syncs in this file publish only what they add.
    for (const p of list.body.items)
      await h.api(`/api/v1/positions/${p.id}/close`, { method: 'POST', body: '{"reason":"test done"}' });
  });

  it('creates, updates and closes the opening of a position (round trip), creating its custom field once', async () => {
    const enabled = await h.api(`/api/v1/connections/${h.connectionId}/openings/settings`, {
      method: 'PUT',
      body: JSON.stringify({ enabled: true, customFields: ['Cost centre'] }),
    });
    expect(enabled.status).toBe(200);
    await h.settle();
    const [job, otherJob] = scenario.jobs;
    const position = await addPosition({
      title: 'Platform Engineer',
      department: 'Platform',
      location: 'Berlin HQ',
      employmentType: 'FullTime',
      targetHireDate: '2026-03-01',
      targetStartDate: '2026-04-01',
      recruiting: true,
      requisitionId: 'REQ-77',
      description: 'Builds the platform',
      ashbyJobId: job!.id,
      customFields: { 'Cost centre': 'CC-1' },
    });
    const created = await syncNow();
    expect(created).toMatchObject({ status: 'succeeded', created: 1, failed: 0 });
    const [opening] = openingOf(position.id);
    expect(openingOf(position.id)).toHaveLength(1);
    expect(opening).toMatchObject({
      openingState: 'Approved',
      latestVersion: {
        teamId: team('Platform'),
        locationIds: [place('Berlin HQ')],
        jobIds: [job!.id],
        targetStartDate: '2026-04-01',
        employmentType: 'FullTime',
        description: 'Builds the platform',
      },
    });
    expect(opening!.latestVersion!.customFields).toEqual([
      expect.objectContaining({ title: 'Cost centre', value: 'CC-1' }),
    ]);

    h.sim.resetCounters();
    const patched = await h.api(`/api/v1/positions/${position.id}`, {
      method: 'PATCH',
      body: JSON.stringify({
        location: 'London',
        ashbyJobId: otherJob!.id,
        targetStartDate: '2026-05-01',
        customFields: { 'Cost centre': 'CC-2' },
      }),
    });
    expect(patched.status).toBe(200);
    expect(await syncNow()).toMatchObject({ status: 'succeeded', created: 0, updated: 1 });
    const updated = openingOf(position.id);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.latestVersion).toMatchObject({
      locationIds: [place('London')],
      jobIds: [otherJob!.id],
      targetStartDate: '2026-05-01',
    });
    expect(updated[0]!.latestVersion!.customFields).toEqual([
      expect.objectContaining({ title: 'Cost centre', value: 'CC-2' }),
    ]);
    // Jobs and locations changed through their own calls (opening.update cannot change them).
    expect(h.sim.callCount('opening.addLocation')).toBe(1);
    expect(h.sim.callCount('opening.removeLocation')).toBe(1);
    expect(h.sim.callCount('opening.addJob')).toBe(1);
    expect(h.sim.callCount('opening.removeJob')).toBe(1);
    // An unchanged position costs no call at all.
    h.sim.resetCounters();
    expect(await syncNow()).toMatchObject({ created: 0, updated: 0, closed: 0 });
    expect(h.sim.callCount('opening.update')).toBe(0);

    const closed = await h.api<PositionBody>(`/api/v1/positions/${position.id}/close`, {
      method: 'POST',
      body: JSON.stringify({ reason: 'Position cancelled' }),
    });
    expect(closed.body.status).toBe('closed');
    expect(await syncNow()).toMatchObject({ status: 'succeeded', closed: 1 });
    const cancelled = scenario.closeReasons!.find((r) => r.reasonText === 'Position cancelled')!.id;
    expect(openingOf(position.id)).toEqual([
      expect.objectContaining({ openingState: 'Closed', closeReasonId: cancelled }),
    ]);
  });

  it('creates the custom field in Ashby once, however many runs', async () => {
    await addPosition({ title: 'Second', recruiting: true, customFields: { 'Cost centre': 'CC-9' } });
    await syncNow();
    await syncNow();
    const res = await fetch(`${h.sim.url}/customField.list`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${OPENINGS_KEY}:`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ limit: 100 }),
    });
    const body = (await res.json()) as { results: { title: string; objectType: string }[] };
    expect(body.results.filter((d) => d.title === 'Cost centre')).toEqual([
      expect.objectContaining({ objectType: 'Opening' }),
    ]);
  });

  it('records a position Ashby cannot take on the run and goes on with the others', async () => {
    const wrong = await addPosition({ title: 'Nowhere', department: 'Atlantis', recruiting: true });
    const fine = await addPosition({ title: 'Somewhere', department: 'Sales', recruiting: true });
    const run = await syncNow();
    expect(run).toMatchObject({ status: 'succeeded', created: 1, failed: 1 });
    expect(run.errors).toEqual([
      { positionId: wrong.id, message: 'Department "Atlantis" is not a department in Ashby' },
    ]);
    expect(openingOf(fine.id)).toHaveLength(1);
    await h.api(`/api/v1/positions/${wrong.id}/close`, { method: 'POST', body: '{"reason":"typo"}' });
  });

  it('a hire into a published opening fills the position, and the next sync closes the opening', async () => {
    const position = await addPosition({ title: 'Account Executive', department: 'Sales', recruiting: true });
    await syncNow();
    const [opening] = openingOf(position.id);
    const applicationId = h.sim.applicationIds({ status: 'Active' })[0]!;
    h.sim.hire(applicationId, { openingId: opening!.id });
    await h.settle();
    const hires = await h.api<{ items: { id: string; source: { applicationId: string } }[] }>(
      '/api/v1/new-hires?limit=500',
    );
    const newHire = hires.body.items.find((i) => i.source.applicationId === applicationId)!;
    const added = await h.api<{ id: string }>(`/api/v1/new-hires/${newHire.id}/add-member`, {
      method: 'POST',
    });
    expect([200, 201]).toContain(added.status);
    const filled = await h.api<PositionBody>(`/api/v1/positions/${position.id}`);
    expect(filled.body.status).toBe('filled');
    expect(filled.body.filledBy?.memberId).toBe(added.body.id);
    const listed = await h.api<{ items: PositionBody[] }>('/api/v1/positions?status=filled');
    expect(listed.body.items.map((p) => p.id)).toContain(position.id);

    expect(await syncNow()).toMatchObject({ status: 'succeeded', closed: 1 });
    const hired = scenario.closeReasons!.find((r) => r.reasonText === 'Hired')!.id;
    expect(openingOf(position.id)).toEqual([
      expect.objectContaining({ openingState: 'Closed', closeReasonId: hired }),
    ]);
  });

  it('the member who filled a position lands in the ChartHop job linked to it, not a same-title one', async () => {
    const charthop = await startCharthopFake();
    try {
      const enabled = await h.api(`/api/v1/connections/${h.connectionId}/openings/settings`, {
        method: 'PUT',
        body: JSON.stringify({ enabled: true, customFields: ['Cost centre'] }),
      });
      expect(enabled.status).toBe(200);
      const position = await addPosition({ title: 'Sales Engineer', department: 'Sales', recruiting: true });
      // Two open seats with the same title and department; the second carries the position's link.
      charthop.state.addJob({ title: 'Sales Engineer', department: { name: 'Sales' } });
      const linked = charthop.state.addJob({
        title: 'Sales Engineer',
        department: { name: 'Sales' },
        fields: { [POSITION_FIELD]: position.id },
      });
      const destination = await h.api<{ id: string }>('/api/v1/destinations', {
        method: 'POST',
        body: JSON.stringify({
          type: 'charthop',
          name: 'ChartHop',
          baseUrl: charthop.url,
          credentials: { apiToken: charthop.apiToken, orgId: charthop.orgId },
        }),
      });
      expect(destination.status).toBe(201);
      await syncNow();
      const [opening] = openingOf(position.id);
      const applicationId = h.sim.applicationIds({ status: 'Active' })[0]!;
      h.sim.hire(applicationId, { openingId: opening!.id });
      await h.settle();
      const hires = await h.api<{ items: { id: string; source: { applicationId: string } }[] }>(
        '/api/v1/new-hires?limit=500',
      );
      const newHire = hires.body.items.find((i) => i.source.applicationId === applicationId)!;
      const added = await h.api<{ id: string }>(`/api/v1/new-hires/${newHire.id}/add-member`, {
        method: 'POST',
        body: JSON.stringify({ destinations: [destination.body.id] }),
      });
      expect([200, 201]).toContain(added.status);
      await h.settle();
      const pushes = await h.api<{ items: { status: string; remoteId: string | null }[] }>(
        `/api/v1/members/${added.body.id}/pushes`,
      );
      expect(pushes.body.items).toEqual([expect.objectContaining({ status: 'delivered' })]);
      expect(charthop.state.persons.size).toBe(1);
      expect(linked.personId).toBe(pushes.body.items[0]!.remoteId);
      expect(linked.open).toBe('FILLED');
    } finally {
      await charthop.close();
    }
  });

  it('never makes two openings for one position when workers and Sync now requests run at once', async () => {
    const positions = await Promise.all(
      [1, 2, 3, 4].map((n) => addPosition({ title: `Parallel ${n}`, recruiting: true })),
    );
    const extra = [
      h.server.container.createWorker({ pollIntervalMs: 20 }),
      h.server.container.createWorker({ pollIntervalMs: 20 }),
    ];
    extra.forEach((w) => w.start());
    try {
      await Promise.all(
        [1, 2, 3, 4, 5, 6].map(() =>
          h.api(`/api/v1/connections/${h.connectionId}/openings/sync`, { method: 'POST' }),
        ),
      );
      await h.settle();
      await waitFor('every position to be published', () =>
        positions.every((p) => openingOf(p.id).length > 0),
      );
    } finally {
      await Promise.all(extra.map((w) => w.stop()));
    }
    for (const p of positions) expect(openingOf(p.id)).toHaveLength(1);
  });
});
