import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLog } from '../../test/support/captured-log.js';
import { httpCall, setUpFirstAdmin, type SessionClient } from '../../test/support/session-client.js';
import { linkToken } from '../../test/support/signed-up-user.js';
import { TEST_DIALECTS } from '../../test/support/test-databases.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

describe.each(TEST_DIALECTS)('setup and invite tokens stay out of the request log on %s', (dialect) => {
  let server: TestServer;
  let admin: SessionClient;
  const log = capturedLog('info');

  beforeAll(async () => {
    server = await startTestServer(dialect, { LOG_LEVEL: 'info' }, { logger: log.logger });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('carries the tokens in the link fragment and POST bodies, and redacts old-style token paths', async () => {
    const setupToken = linkToken(server.setupUrl!);
    expect(server.setupUrl).toBe(`${server.env['PUBLIC_URL']}/setup#${setupToken}`);
    // The browser opens the link: the fragment is not sent, the page is.
    expect((await httpCall(server.url, 'GET', '/setup')).status).toBeLessThan(500);
    admin = await setUpFirstAdmin(server, {
      email: 'ada@example.com',
      name: 'Ada Admin',
      password: 'correct horse battery',
    });

    const invited = await admin.post('/api/v1/users', {
      email: 'ian@example.com',
      name: 'Ian',
      role: 'inbox',
    });
    expect(invited.status).toBe(201);
    const inviteUrl = invited.body.inviteUrl as string;
    const inviteToken = linkToken(inviteUrl);
    expect(inviteUrl).toBe(`${server.env['PUBLIC_URL']}/invite#${inviteToken}`);
    expect((await httpCall(server.url, 'GET', '/invite')).status).toBeLessThan(500);
    const view = await httpCall(server.url, 'POST', '/api/v1/auth/invites/view', {
      body: { token: inviteToken },
    });
    expect(view.body).toMatchObject({ email: 'ian@example.com' });
    // A link from before the change, and a script still calling the old API: answered, never logged.
    await httpCall(server.url, 'GET', `/invite/${inviteToken}`);
    await httpCall(server.url, 'GET', `/api/v1/auth/invites/${inviteToken}`);
    await httpCall(server.url, 'GET', `/setup?token=${setupToken}`);
    const accepted = await httpCall(server.url, 'POST', '/api/v1/auth/invites/accept', {
      body: { token: inviteToken, password: 'ian password 1' },
    });
    expect(accepted.status).toBe(201);

    const urls = log.entries().flatMap((e) => {
      const req = e['req'] as { url?: string } | undefined;
      return req?.url ? [req.url] : [];
    });
    expect(urls).toContain('/invite/[redacted]');
    expect(urls).toContain('/api/v1/auth/invites/[redacted]');
    expect(urls).toContain('/api/v1/auth/invites/view');
    expect(log.text()).not.toContain(setupToken);
    expect(log.text()).not.toContain(inviteToken);
  });
});
