import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/support/fake-clock.js';
import { httpCall, setUpFirstAdmin, type Answer } from '../../test/support/session-client.js';
import { TEST_DIALECTS } from '../../test/support/test-databases.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

const MINUTE = 60_000;
const ADMIN = { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' };
const setCookie = (a: Answer) => (a.headers['set-cookie'] ?? []).join('\n');

describe.each(TEST_DIALECTS)('session hardening on %s', (dialect) => {
  let server: TestServer;
  const clock = new FakeClock(Date.UTC(2026, 4, 1));

  beforeAll(async () => {
    // Served as https behind a TLS proxy: PUBLIC_URL is https while the test talks http to loopback.
    server = await startTestServer(
      dialect,
      {
        PUBLIC_URL: 'https://hirebridge.example.com',
        SESSION_IDLE_MINUTES: '30',
        SESSION_ABSOLUTE_HOURS: '3',
      },
      { clock },
    );
    await setUpFirstAdmin(server, ADMIN);
  });
  afterAll(async () => {
    await server.dispose();
  });

  const signIn = async () => {
    const answer = await httpCall(server.url, 'POST', '/api/v1/auth/login', {
      body: { email: ADMIN.email, password: ADMIN.password },
    });
    expect(answer.status).toBe(200);
    const cookie = /^__Host-hb_session=([^;]+)/.exec(setCookie(answer))?.[1];
    return { answer, cookie: cookie! };
  };
  const me = (cookie: string, name = '__Host-hb_session') =>
    httpCall(server.url, 'GET', '/api/v1/me', { headers: { cookie: `${name}=${cookie}` } });

  it('names the cookie __Host-hb_session on https, Secure, for Path=/ and no Domain', async () => {
    const { answer, cookie } = await signIn();
    const attributes = setCookie(answer)
      .split(';')
      .map((a) => a.trim());
    expect(attributes[0]).toMatch(/^__Host-hb_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(
      expect.arrayContaining(['Secure', 'Path=/', 'HttpOnly', `Max-Age=${3 * 3600}`]),
    );
    expect(attributes.some((a) => a.toLowerCase().startsWith('domain='))).toBe(false);
    expect((await me(cookie)).status).toBe(200);
    // The same value without the prefix (as a sibling subdomain could plant it) is not a session.
    expect((await me(cookie, 'hb_session')).status).toBe(401);
  });

  it('ends sessions after the configured idle and absolute limits', async () => {
    const idle = (await signIn()).cookie;
    clock.advance(29 * MINUTE);
    expect((await me(idle)).status).toBe(200);
    clock.advance(30 * MINUTE + 1);
    expect((await me(idle)).status).toBe(401);

    const busy = (await signIn()).cookie;
    for (let step = 1; step < 12; step++) {
      clock.advance(15 * MINUTE);
      expect((await me(busy)).status, `after ${step * 15} min`).toBe(200);
    }
    clock.advance(15 * MINUTE + 1); // 3 hours after sign-in
    expect((await me(busy)).status).toBe(401);
  });

  it('answers every /api read with Cache-Control: no-store', async () => {
    const { cookie } = await signIn();
    const token = await server.token('admin');
    for (const path of [
      '/api/v1/me',
      '/api/v1/users',
      '/api/v1/members',
      '/api/v1/new-hires',
      '/api/v1/audit',
      '/api/v1/connections',
      '/api/v1/notifications',
      '/api/v1/auth/session',
    ]) {
      const byCookie = await httpCall(server.url, 'GET', path, {
        headers: { cookie: `__Host-hb_session=${cookie}` },
      });
      expect(byCookie.headers['cache-control'], path).toBe('no-store');
      const byToken = await httpCall(server.url, 'GET', path, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(byToken.headers['cache-control'], path).toBe('no-store');
    }
    const view = await httpCall(server.url, 'POST', '/api/v1/auth/invites/view', { body: { token: 'x' } });
    expect(view.headers['cache-control']).toBe('no-store');
  });
});
