import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationSchema, candidateSchema, knownWebhookEventSchema } from '../schemas.js';
import { GENERATED_API_KEYS, generateCompany } from './generator.js';
import { startAshbySimulator, type AshbySimulator } from './simulator.js';
import { httpCall, startReceiver, type Receiver } from './test-support.js';

describe('Ashby simulator: /_simulator control routes', () => {
  let sim: AshbySimulator;
  let receiver: Receiver;
  const control = (path: string, body?: unknown, method = 'POST') =>
    httpCall(`${sim.url}/_simulator/${path}`, method === 'GET' ? undefined : (body ?? {}), {
      method,
      key: null,
    });

  beforeAll(async () => {
    sim = await startAshbySimulator({
      scenario: generateCompany({ seed: 21, hires: 2, active: 3 }),
      timeScale: 0.001,
    });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  it('registers a webhook, hires over HTTP and waits for idle', async () => {
    const created = await control('webhooks', {
      webhookType: 'candidateHire',
      requestUrl: receiver.url,
      secretToken: 'c',
    });
    expect(created.json).toMatchObject({ enabled: true });
    const active = await control('applications?status=Active', undefined, 'GET');
    const [applicationId] = (active.json as { applicationIds: string[] }).applicationIds;
    const hired = await control('hire', { applicationId, startDate: '2025-07-01' });
    expect(hired.status).toBe(200);
    expect((hired.json as { application: { status: string } }).application.status).toBe('Hired');
    expect((await control('idle', { timeoutMs: 5_000 })).json).toEqual({ idle: true });
    const event = knownWebhookEventSchema.parse(receiver.received.at(-1)?.body);
    expect(event.action).toBe('candidateHire');
  });

  it('adds candidates, applications and api keys', async () => {
    const candidate = candidateSchema.parse(
      (
        await control('candidates', {
          name: 'Ada Lovelace',
          emailAddresses: [{ value: 'ada@example.com', type: 'Personal', isPrimary: true }],
        })
      ).json,
    );
    const jobId = sim.application(sim.applicationIds()[0] ?? '')?.job.id;
    const application = applicationSchema.parse(
      (await control('applications', { candidateId: candidate.id, jobId })).json,
    );
    expect(application).toMatchObject({ status: 'Active', candidate: { name: 'Ada Lovelace' } });
    expect((await control('api-keys', { key: 'ctl-key', permissions: ['candidatesRead'] })).status).toBe(200);
    const res = await httpCall(
      `${sim.url}/application.info`,
      { applicationId: application.id },
      { key: 'ctl-key' },
    );
    expect(res.json).toMatchObject({ success: true, results: { id: application.id } });
  });

  it('changes status and offer start date', async () => {
    const [applicationId] = sim.applicationIds({ status: 'Hired' });
    expect((await control('offer-start-date', { applicationId, startDate: '2025-09-01' })).status).toBe(200);
    const archived = await control('application-status', { applicationId, status: 'Archived' });
    expect((archived.json as { application: { status: string } }).application.status).toBe('Archived');
  });

  it('reports and resets stats', async () => {
    await httpCall(`${sim.url}/apiKey.info`, {}, { key: GENERATED_API_KEYS.full });
    const stats = (await control('stats', undefined, 'GET')).json as {
      calls: { byEndpoint: Record<string, number> };
      deliveries: unknown[];
    };
    expect(stats.calls.byEndpoint['apiKey.info']).toBeGreaterThanOrEqual(1);
    expect(stats.deliveries.length).toBeGreaterThan(0);
    await control('reset-stats');
    expect(sim.callCount()).toBe(0);
    expect(sim.deliveriesLog).toHaveLength(0);
  });

  it('answers 404 for unknown records and routes, 400 for bad bodies', async () => {
    expect((await control('hire', { applicationId: 'nope' })).status).toBe(404);
    expect((await control('hire', { applicationId: 5 })).status).toBe(400);
    expect((await control('teleport', {})).status).toBe(404);
  });
});
