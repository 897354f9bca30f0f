import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../kit/rate-limiter.js';
import { sleep } from '../kit/sleep.js';
import { testHttp } from '../kit/testing/test-http.js';
import { createAshbyClient } from './client.js';
import { startAshbySimulator, type AshbySimulator } from './fake/simulator.js';
import { fetchHire } from './fetch-hire.js';
import { createAshbyReader } from './reader.js';

/** fetchHire through the kit against a misbehaving simulator: bounded retries, Retry-After honoured. */
const FULL = 'full-key';
let sim: AshbySimulator;

beforeAll(async () => {
  sim = await startAshbySimulator({
    seed: 11,
    apiKeys: [
      {
        key: FULL,
        permissions: [
          'candidatesRead',
          'offersRead',
          'jobsRead',
          'organizationRead',
          'hiringProcessMetadataRead',
        ],
      },
    ],
  });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.setKnobs({ serverErrorProbability: 0, rateLimitProbability: 0 });
  sim.resetCounters();
});

describe('fetchHire against simulator faults', () => {
  it('gets through a flaky simulator (30 % 5xx) by bounded retries', async () => {
    sim.setKnobs({ serverErrorProbability: 0.3 });
    // 5 retries: a logical call fails only if 6 attempts in a row do (0.3^6 ≈ 0.07 %).
    const retrying = createAshbyClient({
      http: testHttp({ retry: { maxRetries: 5, baseDelayMs: 1, maxWaitMs: 50 } }),
      apiUrl: sim.url,
      apiKey: FULL,
    });
    const reader = createAshbyReader(retrying, { clock: { now: () => 0 } });
    const applicationId = sim.applicationIds({ status: 'Hired' })[0]!;
    let ok = 0;
    for (let i = 0; i < 10; i++) {
      const result = await fetchHire(reader, { applicationId }).then(
        () => true,
        (err: unknown) => {
          expect(err).toMatchObject({ code: 'upstream_retryable' });
          return false;
        },
      );
      if (result) ok++;
    }
    expect(ok).toBeGreaterThanOrEqual(8);
    // At most 1 + maxRetries attempts per logical call (≤ 7 per hire, caches warm after the first): no storm.
    const stats = sim.stats().calls;
    expect(stats.total).toBeLessThanOrEqual(6 * 7 * 10);
    const serverErrors = ['500', '502', '503'].reduce((sum, code) => sum + (stats.byStatus[code] ?? 0), 0);
    expect(serverErrors).toBeGreaterThan(0);
  });

  it('hands a long Retry-After back as rate_limited after one request, and every caller honours the pause', async () => {
    sim.setKnobs({ rateLimitProbability: 1, retryAfterFormat: 'seconds', retryAfterSeconds: 60 });
    const limiter = createRateLimiter({
      clock: { now: () => Date.now() },
      sleep,
      defaults: { ratePerSecond: 50, burst: 10 },
    });
    const limitedClient = createAshbyClient({ http: testHttp({ limiter }), apiUrl: sim.url, apiKey: FULL });
    const reader = createAshbyReader(limitedClient, { clock: { now: () => 0 } });
    const applicationId = sim.applicationIds({ status: 'Hired' })[0]!;
    await expect(fetchHire(reader, { applicationId })).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 60_000,
    });
    const more = await Promise.allSettled([1, 2, 3].map(() => fetchHire(reader, { applicationId })));
    for (const r of more) expect(r).toMatchObject({ status: 'rejected', reason: { code: 'rate_limited' } });
    expect(sim.callCount()).toBe(1);
  });
});
