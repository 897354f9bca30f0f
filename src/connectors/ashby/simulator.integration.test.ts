import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startUpstream, type Upstream } from '../kit/testing/upstream-server.js';
import { createAshbyClient, type AshbyClient } from './client.js';
import { startAshbySimulator, type AshbySimulator } from './fake/simulator.js';
import { fetchHire } from './fetch-hire.js';
import { probePermissions } from './permissions.js';
import { createAshbyReader } from './reader.js';
import type { AshbyPermission } from './schemas.js';
import { testHttp } from '../kit/testing/test-http.js';
import { parseAshbyWebhook, verifyAshbySignature } from './webhook.js';

/** The client, fetchHire, the permission probe and the webhook functions against the Ashby simulator. */
const READS: AshbyPermission[] = [
  'candidatesRead',
  'offersRead',
  'jobsRead',
  'organizationRead',
  'hiringProcessMetadataRead',
];
const FULL = 'full-key';
const LIMITED = 'limited-key';
const SECRET = 'whsec-test-0123456789abcdef';

let sim: AshbySimulator;
let client: AshbyClient;
let receiver: Upstream;

beforeAll(async () => {
  sim = await startAshbySimulator({
    seed: 7,
    timeScale: 0.001,
    apiKeys: [
      { key: FULL, permissions: [...READS, 'apiKeysRead', 'apiKeysWrite', 'jobsWrite'] },
      { key: LIMITED, permissions: ['candidatesRead', 'jobsRead'] },
    ],
  });
  client = createAshbyClient({ http: testHttp(), apiUrl: sim.url, apiKey: FULL });
  receiver = await startUpstream((_req, res) => res.end('ok'));
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});
beforeEach(() => {
  sim.setKnobs({ serverErrorProbability: 0, rateLimitProbability: 0, rateLimitPerMinute: null });
  sim.resetCounters();
});

function notYetHired(): string {
  const id = sim.applicationIds({ status: 'Active' })[0] ?? sim.applicationIds({ status: 'Lead' })[0];
  if (!id) throw new Error('scenario has no application left to hire');
  return id;
}

describe('Ashby client against the simulator', () => {
  it('reads every application page by page, ending with a sync token', async () => {
    const ids: string[] = [];
    let syncToken: string | null = null;
    for await (const page of client.applicationPages({ limit: 3 })) {
      ids.push(...page.results.map((a) => a.id));
      syncToken = page.syncToken;
    }
    expect(ids.sort()).toEqual(sim.applicationIds().sort());
    expect(syncToken).not.toBeNull();

    const hired = notYetHired();
    sim.hire(hired);
    const changed: string[] = [];
    for await (const page of client.applicationPages({ syncToken: syncToken! }))
      changed.push(...page.results.map((a) => a.id));
    expect(changed).toContain(hired);
  });

  it('classifies not-found, missing permission and a refused key', async () => {
    await expect(client.applicationInfo('00000000-0000-0000-0000-00000000abcd')).rejects.toMatchObject({
      code: 'not_found',
    });
    const limited = createAshbyClient({ http: testHttp(), apiUrl: sim.url, apiKey: LIMITED });
    await expect(limited.offerList({ limit: 1 })).rejects.toMatchObject({
      code: 'permission_missing',
      details: { missing: ['offersRead'] },
    });
    const wrong = createAshbyClient({ http: testHttp(), apiUrl: sim.url, apiKey: 'nobody' });
    await expect(wrong.jobList({ limit: 1 })).rejects.toMatchObject({
      code: 'upstream_permanent',
      details: { status: 403 },
    });
    expect(sim.callCount()).toBe(3);
  });

  it('reads custom-field definitions, departments, locations and users', async () => {
    expect((await client.customFieldList()).length).toBeGreaterThan(0);
    const [department] = (await client.departmentList({ limit: 1 })).results;
    expect((await client.departmentInfo(department!.id)).id).toBe(department!.id);
    const [location] = (await client.locationList({ limit: 1 })).results;
    expect((await client.locationInfo(location!.id)).name).toBe(location!.name);
  });
});

describe('probePermissions against the simulator', () => {
  it('reports a full key', async () => {
    const report = await probePermissions(client);
    expect([...report.required, ...report.optional].every((p) => p.granted)).toBe(true);
  });

  it('reports what a limited key lacks', async () => {
    const limited = createAshbyClient({ http: testHttp(), apiUrl: sim.url, apiKey: LIMITED });
    const report = await probePermissions(limited);
    expect(report.required.filter((p) => !p.granted).map((p) => p.name)).toEqual([
      'offersRead',
      'organizationRead',
      'hiringProcessMetadataRead',
    ]);
    expect(report.optional.every((p) => !p.granted)).toBe(true);
  });
});

describe('a hire end to end: signed webhook → verify → parse → fetchHire', () => {
  it('needs 7 calls cold, 2 warm with the webhook offer, 3 warm without', async () => {
    await sim.createWebhook({
      webhookType: 'candidateHire',
      requestUrl: `${receiver.url}/hooks/ashby`,
      secretToken: SECRET,
    });
    receiver.requests.length = 0;
    const applicationId = notYetHired();
    sim.hire(applicationId);
    await sim.idle();

    const delivery = receiver.requests.find((r) => r.body.includes('"candidateHire"'));
    expect(delivery).toBeDefined();
    const raw = Buffer.from(delivery!.body, 'utf8');
    const header = delivery!.headers['ashby-signature'];
    expect(verifyAshbySignature(raw, typeof header === 'string' ? header : undefined, SECRET)).toEqual({
      ok: true,
    });
    expect(
      verifyAshbySignature(raw, typeof header === 'string' ? header : undefined, 'wrong-secret').ok,
    ).toBe(false);
    const parsed = parseAshbyWebhook(raw);
    if (!parsed.ok) throw new Error(`parse failed: ${parsed.reason}`);
    expect(parsed.event).toMatchObject({ action: 'candidateHire', applicationId });
    expect(parsed.event.offer?.acceptanceStatus).toBe('Accepted');

    let now = 0;
    const reader = createAshbyReader(client, { clock: { now: () => now }, ttlMs: 300_000 });
    sim.resetCounters();
    const cold = await fetchHire(reader, { applicationId, offerFromWebhook: parsed.event.offer });
    const coldCalls = sim.callCount();
    expect(cold.status).toMatchObject({ hired: true, offerSource: 'webhook' });
    expect(cold.bundle.offer?.id).toBe(parsed.event.offer?.id);
    expect(cold.bundle.candidate.id).toBe(parsed.event.candidateId);
    expect(cold.bundle.job.title.length).toBeGreaterThan(0);
    expect(cold.definitions.length).toBeGreaterThan(0);

    sim.resetCounters();
    await fetchHire(reader, { applicationId, offerFromWebhook: parsed.event.offer });
    const warmWithOffer = sim.callCount();

    sim.resetCounters();
    const warm = await fetchHire(reader, { applicationId });
    const warmCalls = sim.callCount();
    expect(warm.status.offerSource).toBe('offer.list');
    expect(warm.bundle.offer).toEqual(cold.bundle.offer);
    expect(warm.bundle).toEqual(cold.bundle);

    now = 300_001;
    sim.resetCounters();
    await fetchHire(reader, { applicationId });
    const coldAgain = sim.callCount();

    console.info('ashby calls per hire', { coldCalls, warmWithOffer, warmCalls, coldAgain });
    // job + department.list + location.list + customField.list are the cached part; offer.list the
    // webhook saves.
    const expectedCold = 3 + (cold.bundle.department ? 1 : 0) + (cold.bundle.location ? 1 : 0) + 1;
    expect({ coldCalls, warmWithOffer, warmCalls, coldAgain }).toEqual({
      coldCalls: expectedCold,
      warmWithOffer: 2,
      warmCalls: 3,
      coldAgain: expectedCold + 1,
    });
  });

  it('takes two sequential round trips (calls grouped into waves under 400 ms simulated latency)', async () => {
    const latencyMs = 400;
    sim.setKnobs({ latencyMs });
    try {
      const reader = createAshbyReader(client, { clock: { now: () => 0 } });
      const applicationId = sim.applicationIds({ status: 'Hired' })[0]!;
      await fetchHire(reader, { applicationId });
      // A call that waited for another one's answer starts at least `latencyMs` after it; calls sent
      // together land within a few ms. Counting the gaps counts the sequential steps, whatever the load.
      const times = sim.calls.map((c) => c.time).sort((a, b) => a - b);
      const waves = 1 + times.slice(1).filter((t, i) => t - times[i]! >= latencyMs * 0.75).length;
      console.info('fetchHire sequential round trips (cold)', waves, 'calls', times.length);
      expect(waves).toBe(2);
      expect(times).toHaveLength(7);
    } finally {
      sim.setKnobs({ latencyMs: 0 });
    }
  });
});
