import { afterEach, describe, expect, it } from 'vitest';
import { SessionClient } from '../../test/support/session-client.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

/** Thirty failed sign-ins, each for a different unknown account, claiming the given forwarded address. */
async function spray(client: SessionClient, forwardedFor: (i: number) => string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const answer = await client.call('POST', '/api/v1/auth/login', {
      body: { email: `guess${i}@example.com`, password: 'wrong password' },
      headers: { 'x-forwarded-for': forwardedFor(i) },
    });
    expect(answer.status).toBe(401);
  }
}

const attemptFrom = (client: SessionClient, forwardedFor: string) =>
  client.call('POST', '/api/v1/auth/login', {
    body: { email: 'someone@example.com', password: 'wrong password' },
    headers: { 'x-forwarded-for': forwardedFor },
  });

describe('the client address behind a reverse proxy (TRUST_PROXY)', () => {
  it('ignores X-Forwarded-For by default, so a forged header cannot escape the per-address lock', async () => {
    server = await startTestServer('sqlite');
    const client = new SessionClient(server.url, '127.0.0.21');
    await spray(client, (i) => `198.51.100.${i}`);
    expect((await attemptFrom(client, '198.51.100.99')).status).toBe(429);
  });

  it('with the proxy trusted, throttles each client behind it on its own', async () => {
    server = await startTestServer('sqlite', { TRUST_PROXY: '127.0.0.22' });
    const proxy = new SessionClient(server.url, '127.0.0.22');
    await spray(proxy, () => '203.0.113.7');
    expect((await attemptFrom(proxy, '203.0.113.7')).status).toBe(429);
    // Another client behind the same proxy is not locked out by the first one's failures.
    expect((await attemptFrom(proxy, '203.0.113.8')).status).toBe(401);
  });
});
