import { afterEach, describe, expect, it } from 'vitest';
import { ashbyErrorEnvelopeSchema } from '../schemas.js';
import { GENERATED_API_KEYS, generateCompany } from './generator.js';
import { startAshbySimulator, type AshbySimulator, type AshbySimulatorOptions } from './simulator.js';
import { httpCall } from './test-support.js';

describe('Ashby simulator: fault knobs', () => {
  let sim: AshbySimulator | undefined;
  afterEach(async () => {
    await sim?.close();
  });
  const setup = async (options: AshbySimulatorOptions = {}) => {
    sim = await startAshbySimulator({ scenario: generateCompany({ seed: 5, hires: 2 }), ...options });
    const started = sim;
    const call = (endpoint = 'apiKey.info', timeoutMs?: number) =>
      httpCall(
        `${started.url}/${endpoint}`,
        {},
        { key: GENERATED_API_KEYS.full, ...(timeoutMs === undefined ? {} : { timeoutMs }) },
      );
    return { sim: started, call };
  };

  it('429 with Retry-After in seconds', async () => {
    const { call } = await setup({ knobs: { rateLimitProbability: 1, retryAfterSeconds: 7 } });
    const res = await call();
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(ashbyErrorEnvelopeSchema.parse(res.json).errorInfo?.code).toBe('rate_limit_exceeded');
  });

  it('429 with Retry-After as an HTTP-date (from the injected clock), or without Retry-After', async () => {
    const now = Date.parse('2025-03-03T10:00:00.000Z');
    const { call, sim: s } = await setup({
      now: () => now,
      knobs: { rateLimitProbability: 1, retryAfterFormat: 'http-date', retryAfterSeconds: 30 },
    });
    const res = await call();
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('Mon, 03 Mar 2025 10:00:30 GMT');
    s.setKnobs({ retryAfterFormat: 'none' });
    expect((await call()).headers['retry-after']).toBeUndefined();
  });

  it('5xx at the configured rate, reproducibly for a seed', async () => {
    const statuses = async (seed: number) => {
      const { call, sim: s } = await setup({ seed, knobs: { serverErrorProbability: 0.3 } });
      const out: number[] = [];
      for (let i = 0; i < 100; i++) out.push((await call()).status);
      await s.close();
      return out;
    };
    const first = await statuses(42);
    const failures = first.filter((s) => s >= 500).length;
    expect(failures).toBeGreaterThan(15);
    expect(failures).toBeLessThan(45);
    expect(first.filter((s) => s !== 200 && s < 500)).toEqual([]);
    expect(new Set(first.filter((s) => s >= 500)).size).toBeGreaterThan(1);
    expect(await statuses(42)).toEqual(first);
  });

  it('dropped connections reach the client as a socket error', async () => {
    const { call, sim: s } = await setup({ knobs: { dropProbability: 1 } });
    await expect(call()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(s.calls[0]).toMatchObject({ status: null, fault: 'drop' });
  });

  it('hangs never answer until the client gives up, and close() still finishes', async () => {
    const { call, sim: s } = await setup({ knobs: { hangProbability: 1 } });
    const started = Date.now();
    await expect(call('apiKey.info', 150)).rejects.toThrow(/client timeout/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const pending = call('apiKey.info', 5_000).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await s.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('fixed latency delays every answer', async () => {
    const { call } = await setup({ knobs: { latencyMs: 80 } });
    const started = Date.now();
    expect((await call()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('per-key rate limit: N calls per rolling minute, then 429 with Retry-After until a slot frees', async () => {
    let now = Date.parse('2025-03-03T10:00:00.000Z');
    const { call, sim: s } = await setup({ now: () => now, knobs: { rateLimitPerMinute: 3 } });
    for (let i = 0; i < 3; i++) {
      expect((await call()).status).toBe(200);
      now += 10_000;
    }
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('30'); // first call at t=0 frees its slot at t=60 s; now t=30 s
    s.addApiKey('other-key', ['apiKeysRead']);
    expect((await httpCall(`${s.url}/apiKey.info`, {}, { key: 'other-key' })).status).toBe(200);
    now += 30_000;
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(429);
    expect(s.calls.filter((c) => c.fault === 'key-rate-limit')).toHaveLength(2);
  });

  it('faultEndpoints limits random faults to the listed endpoints', async () => {
    const { call } = await setup({
      knobs: { serverErrorProbability: 1, faultEndpoints: ['application.info'] },
    });
    expect((await call('apiKey.info')).status).toBe(200);
    expect((await call('application.info')).status).toBeGreaterThanOrEqual(500);
  });

  it('knobs can be changed at runtime, also over HTTP, and bad values are refused', async () => {
    const { call, sim: s } = await setup();
    expect((await call()).status).toBe(200);
    const res = await httpCall(`${s.url}/_simulator/knobs`, { serverErrorProbability: 1 });
    expect(res.json).toMatchObject({ serverErrorProbability: 1, latencyMs: 0 });
    expect((await call()).status).toBeGreaterThanOrEqual(500);
    expect((await httpCall(`${s.url}/_simulator/knobs`, { serverErrorProbability: 2 })).status).toBe(400);
    expect(() => s.setKnobs({ latencyMs: -1 })).toThrow();
    s.setKnobs({ serverErrorProbability: 0 });
    expect((await call()).status).toBe(200);
  });

  it('control routes and file downloads are exempt from faults', async () => {
    const { sim: s } = await setup({ knobs: { serverErrorProbability: 1, dropProbability: 1 } });
    expect((await httpCall(`${s.url}/_simulator/stats`, undefined, { method: 'GET' })).status).toBe(200);
  });
});
