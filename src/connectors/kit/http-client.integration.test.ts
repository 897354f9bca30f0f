import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpClientOptions, HttpRequest } from './http-client.js';
import { rejection, testHttp } from './testing/test-http.js';
import { createRateLimiter } from './rate-limiter.js';
import { sleep } from './sleep.js';
import { sendJson, startUpstream, type Upstream } from './testing/upstream-server.js';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.requests.length = 0;
});

// Small responses and a longer in-process wait than the shared default, for the limit tests.
const client = (overrides: Partial<HttpClientOptions> = {}) =>
  testHttp({
    maxResponseBytes: 1024,
    retry: { maxRetries: 2, baseDelayMs: 5, maxWaitMs: 3000 },
    ...overrides,
  });

const post = (extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'POST',
  url: `${upstream.url}/candidate.info?token=url-secret`,
  endpoint: 'ashby candidate.info',
  body: '{}',
  ...extra,
});

const failure = rejection;
const clock = { now: () => Date.now() };

describe('createHttpClient over real HTTP', () => {
  it('returns a 2xx body and sends what it was given', async () => {
    upstream.handler = (_req, res) => sendJson(res, 200, { success: true });
    const res = await client().request(post({ headers: { 'x-test': '1' } }));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ success: true });
    expect(upstream.requests[0]).toMatchObject({ method: 'POST', body: '{}', headers: { 'x-test': '1' } });
  });

  it('retries a 5xx a bounded number of times, then fails retryable without leaking body or URL', async () => {
    upstream.handler = (_req, res) => sendJson(res, 503, { secret: 'SECRET_BODY jane@example.com' });
    const err = await failure(client().request(post()));
    expect(err.code).toBe('upstream_retryable');
    expect(upstream.requests).toHaveLength(3);
    expect(err.message).toBe('ashby candidate.info: upstream answered HTTP 503');
    expect(JSON.stringify({ m: err.message, d: err.details })).not.toMatch(
      /SECRET_BODY|jane|url-secret|127\.0\.0\.1/,
    );
  });

  it('recovers when a retry succeeds', async () => {
    upstream.handler = (_req, res) =>
      upstream.requests.length === 1 ? sendJson(res, 502, {}) : sendJson(res, 200, { ok: 1 });
    expect((await client().request(post())).json()).toEqual({ ok: 1 });
    expect(upstream.requests).toHaveLength(2);
  });

  it('causes no storm: 20 concurrent callers against a dead upstream make exactly 20 × (1 + maxRetries) requests', async () => {
    upstream.handler = (_req, res) => sendJson(res, 500, {});
    const c = client();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => c.request(post())));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(upstream.requests).toHaveLength(60);
  });

  it.each([401, 403, 400, 404, 422])('never retries HTTP %i (permanent)', async (status) => {
    upstream.handler = (_req, res) => sendJson(res, status, {});
    const err = await failure(client().request(post()));
    expect(err.code).toBe('upstream_permanent');
    expect(err.retryable).toBe(false);
    expect(upstream.requests).toHaveLength(1);
  });

  it('waits for a short Retry-After (delta-seconds) before retrying', async () => {
    upstream.handler = (_req, res) =>
      upstream.requests.length === 1
        ? sendJson(res, 429, {}, { 'retry-after': '1' })
        : sendJson(res, 200, {});
    await client().request(post());
    const [first, second] = upstream.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
  });

  it('waits for a short Retry-After given as an HTTP-date', async () => {
    upstream.handler = (_req, res) =>
      upstream.requests.length === 1
        ? sendJson(res, 429, {}, { 'retry-after': new Date(Date.now() + 2000).toUTCString() })
        : sendJson(res, 200, {});
    await client().request(post());
    const [first, second] = upstream.requests;
    // The date has whole-second precision, so the wait is between 1 and 2 seconds.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
  });

  it('hands a long Retry-After to the queue as rate_limited without waiting', async () => {
    upstream.handler = (_req, res) => sendJson(res, 429, {}, { 'retry-after': '120' });
    const started = Date.now();
    const err = await failure(client().request(post()));
    expect(err).toMatchObject({ code: 'rate_limited', retryAfterMs: 120_000, retryable: true });
    expect(upstream.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('clamps an absurd Retry-After', async () => {
    upstream.handler = (_req, res) => sendJson(res, 429, {}, { 'retry-after': '999999999' });
    const err = await failure(client({ maxRetryAfterMs: 600_000 }).request(post()));
    expect(err.retryAfterMs).toBe(600_000);
  });

  it('falls back to backoff on a 429 without Retry-After and still reports a wait', async () => {
    upstream.handler = (_req, res) => sendJson(res, 429, {});
    const err = await failure(client().request(post()));
    expect(err.code).toBe('rate_limited');
    expect(err.retryAfterMs).toBeGreaterThan(0);
    expect(upstream.requests).toHaveLength(3);
  });

  it('shares a pause: after one 429, no caller on the key reaches the upstream before Retry-After', async () => {
    const limiter = createRateLimiter({ clock, sleep, defaults: { ratePerSecond: 1000, burst: 100 } });
    const c = client({ limiter });
    upstream.handler = (_req, res) =>
      upstream.requests.length === 1
        ? sendJson(res, 429, {}, { 'retry-after': '1' })
        : sendJson(res, 200, {});
    const first = c.request(post({ limiterKey: 'ashby' }));
    while (limiter.pausedUntil('ashby') === 0) await sleep(5);
    const others = Array.from({ length: 5 }, () => c.request(post({ limiterKey: 'ashby' })));
    await Promise.all([first, ...others]);
    const [head, ...rest] = upstream.requests;
    expect(rest).toHaveLength(6);
    for (const r of rest) expect(r.at - head!.at).toBeGreaterThanOrEqual(1000);
  });

  it('fails fast with rate_limited when the shared pause is longer than maxWaitMs', async () => {
    const limiter = createRateLimiter({ clock, sleep, defaults: { ratePerSecond: 1000, burst: 100 } });
    const c = client({ limiter });
    upstream.handler = (_req, res) => sendJson(res, 429, {}, { 'retry-after': '60' });
    await failure(c.request(post({ limiterKey: 'ashby' })));
    const errs = await Promise.all([1, 2, 3].map(() => failure(c.request(post({ limiterKey: 'ashby' })))));
    for (const err of errs) {
      expect(err.code).toBe('rate_limited');
      expect(err.retryAfterMs).toBeGreaterThan(58_000);
    }
    expect(upstream.requests).toHaveLength(1);
  });

  it('does not retry a non-idempotent request on a 5xx', async () => {
    upstream.handler = (_req, res) => sendJson(res, 503, {});
    await failure(client().request(post({ idempotent: false })));
    expect(upstream.requests).toHaveLength(1);
  });

  it('returns accepted error statuses for envelope parsing', async () => {
    upstream.handler = (_req, res) => sendJson(res, 403, { success: false, errorInfo: { code: 'x' } });
    const res = await client().request(post({ acceptStatuses: [403] }));
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ success: false });
  });

  it('reports invalid JSON as permanent, naming the endpoint only', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200);
      res.end('<html>jane@example.com</html>');
    };
    const res = await client().request(post());
    expect(() => res.json()).toThrow('ashby candidate.info: response is not valid JSON');
  });
});
