import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpClientOptions, HttpRequest } from './http-client.js';
import { rejection, testHttp } from './testing/test-http.js';
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

describe('createHttpClient limits: time, size, transport', () => {
  it('times out a hanging server (no headers) and a server that stalls mid-body', async () => {
    upstream.handler = () => {}; // never answers
    // Attempts are counted at the client: under heavy load the server may not even have read a request
    // before the client's timeout fired.
    let attempts = 0;
    const counting: typeof globalThis.fetch = (input, init) => {
      attempts++;
      return globalThis.fetch(input, init);
    };
    const c = client({
      fetch: counting,
      timeoutMs: 300,
      retry: { maxRetries: 1, baseDelayMs: 5, maxWaitMs: 100 },
    });
    const started = Date.now();
    const err = await failure(c.request(post()));
    expect(err).toMatchObject({ code: 'upstream_retryable', message: 'ashby candidate.info: timed out' });
    expect(attempts).toBe(2);
    // Two 300 ms attempts, not undici's 300 s default (generous bound for loaded CI machines).
    expect(Date.now() - started).toBeLessThan(5000);

    upstream.requests.length = 0;
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    };
    const err2 = await failure(c.request(post()));
    expect(err2.code).toBe('upstream_retryable');
    expect(err2.details).toMatchObject({ reason: 'timeout' });
  });

  it('caps the response size, whether declared or streamed, and does not retry it', async () => {
    upstream.handler = (_req, res) => sendJson(res, 200, { blob: 'x'.repeat(5000) });
    const declared = await failure(client().request(post()));
    expect(declared).toMatchObject({ code: 'upstream_permanent', details: { reason: 'response_too_large' } });
    expect(upstream.requests).toHaveLength(1);

    upstream.requests.length = 0;
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no content-length
      for (let i = 0; i < 50; i++) res.write('x'.repeat(100));
      res.end();
    };
    const streamed = await failure(client().request(post()));
    expect(streamed.details).toMatchObject({ reason: 'response_too_large' });
    expect(upstream.requests).toHaveLength(1);
  });
  it('classifies a refused connection as retryable and retries it', async () => {
    const closed = await startUpstream();
    const url = `${closed.url}/x`;
    await closed.close();
    const err = await failure(client().request(post({ url })));
    expect(err.code).toBe('upstream_retryable');
    expect(err.details).toMatchObject({ reason: 'network' });
    expect(err.message).not.toContain('127.0.0.1');
  });
  it('does not follow redirects', async () => {
    upstream.handler = (req, res) => {
      if (req.path.startsWith('/elsewhere')) return sendJson(res, 200, {});
      res.writeHead(302, { location: `${upstream.url}/elsewhere` });
      res.end();
    };
    const err = await failure(client().request(post()));
    expect(err.code).toBe('upstream_permanent');
    expect(upstream.requests).toHaveLength(1);
  });
  it('stops at once when the caller aborts', async () => {
    upstream.handler = () => {};
    let attempts = 0;
    const counting: typeof globalThis.fetch = (input, init) => {
      attempts++;
      return globalThis.fetch(input, init);
    };
    const controller = new AbortController();
    const pending = client({ fetch: counting }).request(post({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const err = await failure(pending);
    expect(err.details).toMatchObject({ reason: 'aborted' });
    expect(attempts).toBe(1);
  });
});
