import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ashbyErrorEnvelopeSchema } from '../schemas.js';
import { GENERATED_API_KEYS, generateCompany } from './generator.js';
import { startAshbySimulator, type AshbySimulator } from './simulator.js';
import { httpCall } from './test-support.js';

describe('Ashby simulator: transport and auth matrix', () => {
  let sim: AshbySimulator;
  const call = (endpoint: string, body: unknown, options: Parameters<typeof httpCall>[2] = {}) =>
    httpCall(`${sim.url}/${endpoint}`, body, { key: GENERATED_API_KEYS.full, ...options });

  beforeAll(async () => {
    sim = await startAshbySimulator({ scenario: generateCompany({ seed: 7, hires: 3 }) });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('binds to loopback', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers 401 without credentials, with a request id header', async () => {
    const res = await call('apiKey.info', {}, { key: null });
    expect(res.status).toBe(401);
    expect(res.headers['x-ashby-request-id']).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('answers 401 for a non-Basic authorization scheme', async () => {
    const res = await httpCall(
      `${sim.url}/apiKey.info`,
      {},
      {
        key: null,
        headers: { authorization: `Bearer ${GENERATED_API_KEYS.full}` },
      },
    );
    expect(res.status).toBe(401);
    const empty = await httpCall(`${sim.url}/apiKey.info`, {}, { key: '' });
    expect(empty.status).toBe(401);
  });

  it('answers 403 for an unknown key and for a disabled key', async () => {
    expect((await call('apiKey.info', {}, { key: 'nope' })).status).toBe(403);
    expect((await call('apiKey.info', {}, { key: GENERATED_API_KEYS.disabled })).status).toBe(403);
  });

  it('ignores the Basic password', async () => {
    const res = await call('apiKey.info', {}, { password: 'whatever' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true });
  });

  it('answers 403 missing_endpoint_permission, with matching request ids, for a key lacking the module', async () => {
    const res = await call('offer.list', {}, { key: GENERATED_API_KEYS.noOffers });
    expect(res.status).toBe(403);
    const envelope = ashbyErrorEnvelopeSchema.parse(res.json);
    expect(envelope.errors).toEqual(['missing_endpoint_permission']);
    expect(envelope.errorInfo?.code).toBe('missing_endpoint_permission');
    expect(envelope.errorInfo?.requestId).toBe(res.headers['x-ashby-request-id']);
    // The same key can still use modules it has.
    expect((await call('application.list', { limit: 1 }, { key: GENERATED_API_KEYS.noOffers })).status).toBe(
      200,
    );
  });

  it('accepts keys added at runtime with their own permissions', async () => {
    sim.addApiKey('runtime-key', ['candidatesRead']);
    expect((await call('application.list', { limit: 1 }, { key: 'runtime-key' })).status).toBe(200);
    expect((await call('job.info', { id: 'x' }, { key: 'runtime-key' })).status).toBe(403);
  });

  it('only accepts POST', async () => {
    const res = await call('apiKey.info', undefined, { method: 'GET' });
    expect(res.status).toBe(405);
  });

  it('answers 404 for unknown endpoints and non-RPC paths', async () => {
    expect((await call('candidate.teleport', {})).status).toBe(404);
    expect((await call('v1/candidates', {})).status).toBe(404);
  });

  it('logs every call with endpoint, key and status', async () => {
    sim.resetCounters();
    await call('apiKey.info', {}, { key: null });
    await call('apiKey.info', {});
    expect(sim.callCount('apiKey.info')).toBe(2);
    expect(sim.calls.map((c) => [c.key, c.status])).toEqual([
      [null, 401],
      [GENERATED_API_KEYS.full, 200],
    ]);
  });
});
