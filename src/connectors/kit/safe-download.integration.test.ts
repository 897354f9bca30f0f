import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors/app-error.js';
import { safeDownload, type ResolvedAddress, type SafeDownloadOptions } from './safe-download.js';
import { startUpstream, type Upstream } from './testing/upstream-server.js';

const PDF = Buffer.from('%PDF-1.4 test offer letter');
const LIMIT = 1024;

let upstream: Upstream;
let port: string;
beforeAll(async () => {
  upstream = await startUpstream();
  port = new URL(upstream.url).port;
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.handler = (req, res) => {
    if (req.path.startsWith('/file')) {
      res.writeHead(200, {
        'content-type': 'application/PDF; name="x.pdf"',
        'content-length': String(PDF.length),
      });
      res.end(PDF);
    } else res.writeHead(404).end();
  };
});

/** A DNS table: names the tests invent resolve only through it, so the pinned lookup must be used. */
function options(
  table: Record<string, readonly ResolvedAddress[]> = {},
  extra: Partial<SafeDownloadOptions> = {},
): SafeDownloadOptions {
  return {
    resolveHost: async (host) => {
      const found = table[host];
      if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND`), { code: 'ENOTFOUND' });
      return found;
    },
    timeoutMs: 2000,
    maxBytes: LIMIT,
    ...extra,
  };
}
const LOOPBACK_OK = { allowLoopback: true };
const STRICT = { allowLoopback: false };
const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    if (!isAppError(err)) throw err;
    return {
      code: err.code,
      retryable: err.retryable,
      message: err.message,
      reason: err.details?.['reason'],
      rule: err.details?.['rule'],
    };
  }
  throw new Error('expected the download to fail');
}

describe('safeDownload', () => {
  it('downloads with the content type and SHA-256, sending no credentials', async () => {
    const file = await safeDownload(options(), `${upstream.url}/file?sig=abc`, LOOPBACK_OK);
    expect(Buffer.from(file.bytes).toString()).toBe(PDF.toString());
    expect(file.size).toBe(PDF.length);
    expect(file.contentType).toBe('application/pdf');
    expect(file.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const headers = upstream.requests[0]?.headers ?? {};
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
  });

  it('connects to the checked address, not to what DNS says later (pinned lookup)', async () => {
    const file = await safeDownload(
      options({ 'files.sim.test': [v4('127.0.0.1')] }),
      `http://files.sim.test:${port}/file`,
      LOOPBACK_OK,
    );
    expect(file.size).toBe(PDF.length);
    expect(upstream.requests[0]?.headers.host).toBe(`files.sim.test:${port}`);
  });

  describe('refuses internal targets from a non-loopback connection, before any request', () => {
    it.each([
      [`http://127.0.0.1:PORT/file`, 'scheme'],
      [`https://127.0.0.1:PORT/file`, 'address'],
      [`https://2130706433:PORT/file`, 'address'], // decimal 127.0.0.1
      [`https://0177.0.0.1:PORT/file`, 'address'], // octal
      [`https://0x7f.1:PORT/file`, 'address'], // hex, short form
      [`https://[::1]:PORT/file`, 'address'],
      [`https://[::ffff:127.0.0.1]:PORT/file`, 'address'], // IPv4-mapped IPv6
      [`https://[::ffff:a9fe:a9fe]/latest/meta-data`, 'address'],
      [`https://169.254.169.254/latest/meta-data`, 'address'],
      [`https://10.1.2.3/file`, 'address'],
      [`https://192.168.0.10/file`, 'address'],
      [`https://100.64.0.1/file`, 'address'],
      [`ftp://files.example.test/file`, 'scheme'],
      [`file:///etc/passwd`, 'scheme'],
    ])('%s', async (url, rule) => {
      const refused = await failure(safeDownload(options(), url.replace('PORT', port), STRICT));
      expect(refused).toMatchObject({
        code: 'upstream_permanent',
        reason: 'ssrf_refused',
        rule,
        retryable: false,
      });
      expect(upstream.requests).toHaveLength(0);
    });
  });

  it('checks every address a name resolves to', async () => {
    const table = { 'files.example.test': [v4('93.184.216.34'), v4('10.0.0.7')] };
    const refused = await failure(safeDownload(options(table), 'https://files.example.test/file', STRICT));
    expect(refused).toMatchObject({ reason: 'ssrf_refused', rule: 'address' });
    expect(refused.message).toContain('private address (10.0.0.7)');
  });

  it('refuses a name resolving to an IPv4-mapped metadata address', async () => {
    const table = { 'meta.example.test': [{ address: '::ffff:169.254.169.254', family: 6 as const }] };
    expect(await failure(safeDownload(options(table), 'https://meta.example.test/', STRICT))).toMatchObject({
      rule: 'address',
    });
  });

  it('loopback mode still refuses private and link-local addresses, and plain http to public hosts', async () => {
    expect(
      await failure(safeDownload(options(), 'http://169.254.169.254/latest', LOOPBACK_OK)),
    ).toMatchObject({ rule: 'address' });
    expect(await failure(safeDownload(options(), 'http://10.0.0.1/', LOOPBACK_OK))).toMatchObject({
      rule: 'address',
    });
    const table = { 'public.example.test': [v4('93.184.216.34')] };
    expect(
      await failure(safeDownload(options(table), 'http://public.example.test/', LOOPBACK_OK)),
    ).toMatchObject({ rule: 'scheme' });
  });

  it('refuses URLs carrying credentials (Node would send them as Basic auth)', async () => {
    expect(
      await failure(safeDownload(options(), `http://user:pw@127.0.0.1:${port}/file`, LOOPBACK_OK)),
    ).toMatchObject({ rule: 'credentials' });
    expect(upstream.requests).toHaveLength(0);
  });

  describe('redirects', () => {
    const redirectTo = (location: string) => {
      upstream.handler = (req, res) => {
        if (req.path === '/redirect') res.writeHead(302, { location }).end();
        else if (req.path === '/file') res.writeHead(200, { 'content-type': 'text/plain' }).end('moved here');
        else res.writeHead(404).end();
      };
    };

    it('follows a redirect to an allowed target, checking it again', async () => {
      redirectTo('/file');
      const file = await safeDownload(options(), `${upstream.url}/redirect`, LOOPBACK_OK);
      expect(Buffer.from(file.bytes).toString()).toBe('moved here');
      expect(upstream.requests.map((r) => r.path)).toEqual(['/redirect', '/file']);
    });

    it.each([
      ['http://169.254.169.254/latest/meta-data/iam', {}],
      ['http://[::ffff:10.0.0.1]/', {}],
      ['http://internal.corp.test/', { 'internal.corp.test': [v4('10.20.30.40')] }],
    ])('refuses a redirect to an internal host: %s', async (location, table) => {
      redirectTo(location);
      const refused = await failure(safeDownload(options(table), `${upstream.url}/redirect`, LOOPBACK_OK));
      expect(refused).toMatchObject({ reason: 'ssrf_refused', rule: 'address' });
      expect(upstream.requests.map((r) => r.path)).toEqual(['/redirect']);
    });

    it('gives up after a few hops', async () => {
      redirectTo('/redirect');
      const refused = await failure(
        safeDownload(options({}, { maxRedirects: 2 }), `${upstream.url}/redirect`, LOOPBACK_OK),
      );
      expect(refused).toMatchObject({ rule: 'too_many_redirects' });
      expect(upstream.requests).toHaveLength(3);
    });
  });

  describe('size cap', () => {
    it('refuses a declared Content-Length above the cap without reading it', async () => {
      upstream.handler = (_req, res) => {
        res.writeHead(200, { 'content-length': String(LIMIT + 1) });
        res.write(Buffer.alloc(10));
      };
      const refused = await failure(safeDownload(options(), `${upstream.url}/big`, LOOPBACK_OK));
      expect(refused).toMatchObject({
        code: 'upstream_permanent',
        reason: 'file_too_large',
        retryable: false,
      });
      expect(refused.message).toBe(`the file is larger than the ${LIMIT} bytes limit (${LIMIT + 1} bytes)`);
    });

    it('stops a streamed body as soon as it passes the cap', async () => {
      upstream.handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        for (let i = 0; i < 5; i++) res.write(Buffer.alloc(LIMIT / 2));
        res.end();
      };
      expect(await failure(safeDownload(options(), `${upstream.url}/big`, LOOPBACK_OK))).toMatchObject({
        reason: 'file_too_large',
      });
    });

    it('names the limit in MiB for the production cap', async () => {
      upstream.handler = (_req, res) =>
        res.writeHead(200, { 'content-length': String(25 * 1024 * 1024 + 1) }).end();
      const refused = await failure(
        safeDownload(options({}, { maxBytes: 25 * 1024 * 1024 }), `${upstream.url}/big`, LOOPBACK_OK),
      );
      expect(refused.message).toBe('the file is larger than the 25 MiB limit (26214401 bytes)');
    });
  });

  describe('classification', () => {
    it.each([
      [404, 'upstream_permanent', false],
      [403, 'upstream_retryable', true], // an expired presigned link: the retry asks file.info again
      [503, 'upstream_retryable', true],
    ])('HTTP %i is %s', async (status, code, retryable) => {
      upstream.handler = (_req, res) => res.writeHead(status).end();
      expect(await failure(safeDownload(options(), `${upstream.url}/x`, LOOPBACK_OK))).toMatchObject({
        code,
        retryable,
      });
    });

    it('times out a host that never answers, as retryable', async () => {
      upstream.handler = () => undefined;
      const refused = await failure(
        safeDownload(options({}, { timeoutMs: 200 }), `${upstream.url}/hang`, LOOPBACK_OK),
      );
      expect(refused).toMatchObject({ code: 'upstream_retryable', reason: 'timeout' });
    });

    it('keeps the URL out of error messages (presigned URLs carry tokens)', async () => {
      const refused = await failure(
        safeDownload(options(), 'https://10.0.0.1/file?X-Amz-Signature=secret-token', STRICT),
      );
      expect(refused.message).not.toContain('secret-token');
    });
  });
});
