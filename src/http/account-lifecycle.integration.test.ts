import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.js';
import { httpCall, SessionClient, setUpFirstAdmin } from '../../test/support/session-client.js';
import { addSignedUpUser } from '../../test/support/signed-up-user.js';
import { TEST_DIALECTS } from '../../test/support/test-databases.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

const ADMIN = { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' };

describe.each(TEST_DIALECTS)('account lifecycle on %s', (dialect) => {
  let server: TestServer;
  let admin: SessionClient;
  let from = 20;
  const client = () => new SessionClient(server.url, `127.0.0.${from++}`);
  const bearer = (token: string, method: string, path: string, body?: unknown) =>
    httpCall(server.url, method, path, { headers: { authorization: `Bearer ${token}` }, body });
  const auditActions = async () =>
    ((await admin.get('/api/v1/audit?limit=200')).body.items as { action: string; targetId: string }[]).map(
      (e) => `${e.action} ${e.targetId}`,
    );

  beforeAll(async () => {
    server = await startTestServer(dialect);
    admin = await setUpFirstAdmin(server, ADMIN);
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('changes a password: the current one is required, and every other session ends', async () => {
    const id = await addSignedUpUser(server, {
      email: 'ian@example.com',
      name: 'Ian',
      role: 'inbox',
      password: 'ian old password',
    });
    const here = client();
    const elsewhere = client();
    await here.signIn('ian@example.com', 'ian old password');
    await elsewhere.signIn('ian@example.com', 'ian old password');

    const wrong = await here.post('/api/v1/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'ian new password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.problems).toEqual([{ field: 'currentPassword', message: 'is wrong' }]);
    const weak = await here.post('/api/v1/me/password', {
      currentPassword: 'ian old password',
      newPassword: 'short',
    });
    expect(weak.body.error.details.problems).toEqual([
      { field: 'newPassword', message: 'must be at least 10 characters' },
    ]);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(200);

    const changed = await here.post('/api/v1/me/password', {
      currentPassword: 'ian old password',
      newPassword: 'ian new password',
    });
    expect(changed.status).toBe(204);
    expect((await here.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    const old = await client().post('/api/v1/auth/login', {
      email: 'ian@example.com',
      password: 'ian old password',
    });
    expect(old.status).toBe(401);
    await client().signIn('ian@example.com', 'ian new password');
    expect(await auditActions()).toContain(`user.password.change ${id}`);

    const token = await server.token('admin');
    const byToken = await bearer(token, 'POST', '/api/v1/me/password', {
      currentPassword: 'x',
      newPassword: 'yyyyyyyyyyyy',
    });
    expect(byToken.status).toBe(401);
  });

  it('deactivates a user: sessions and their API tokens end at once; reactivation lets them sign in again', async () => {
    const id = await addSignedUpUser(server, {
      email: 'bea@example.com',
      name: 'Bea',
      role: 'admin',
      password: 'bea password 1',
    });
    const bea = client();
    await bea.signIn('bea@example.com', 'bea password 1');
    const made = await bea.post('/api/v1/tokens', { name: 'bea script', role: 'inbox' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'bea script', role: 'inbox', userId: id, lastUsedAt: null });
    const token = made.body.token as string;
    expect((await bearer(token, 'GET', '/api/v1/new-hires')).status).toBe(200);
    const listed = (await admin.get('/api/v1/tokens')).body.items as { id: string; lastUsedAt: string }[];
    expect(listed.find((t) => t.id === made.body.id)?.lastUsedAt).toEqual(expect.any(String));

    const off = await admin.post(`/api/v1/users/${id}/deactivate`);
    expect(off.status).toBe(200);
    expect((await bea.get('/api/v1/me')).status).toBe(401);
    expect((await bearer(token, 'GET', '/api/v1/new-hires')).status).toBe(401);
    const signIn = await client().post('/api/v1/auth/login', {
      email: 'bea@example.com',
      password: 'bea password 1',
    });
    expect(signIn.status).toBe(401);
    const users = (await admin.get('/api/v1/users')).body.items as { id: string; active: boolean }[];
    expect(users.find((u) => u.id === id)?.active).toBe(false);

    // Ada is now the only active admin: she cannot deactivate herself.
    const me = (await admin.get('/api/v1/me')).body.id as string;
    const last = await admin.post(`/api/v1/users/${me}/deactivate`);
    expect(last.status).toBe(409);
    expect(last.body.error.message).toContain('last active admin');

    expect((await admin.post(`/api/v1/users/${id}/reactivate`)).status).toBe(200);
    await client().signIn('bea@example.com', 'bea password 1');
    // Revoked tokens stay revoked.
    expect((await bearer(token, 'GET', '/api/v1/new-hires')).status).toBe(401);
    // The CLI does the same, by email.
    const again = client();
    await again.signIn('bea@example.com', 'bea password 1');
    const cli = await runCli(['users', 'deactivate', 'BEA@example.com'], server.env);
    expect(cli.stdout).toContain('Deactivated Bea <bea@example.com>');
    expect((await again.get('/api/v1/me')).status).toBe(401);
    expect((await runCli(['users', 'reactivate', id], server.env)).code).toBe(0);
    expect(await auditActions()).toEqual(
      expect.arrayContaining([
        `user.deactivate ${id}`,
        `user.reactivate ${id}`,
        `token.create ${made.body.id}`,
      ]),
    );
  });

  it('lists API tokens without their values, and revokes one at once', async () => {
    const made = await admin.post('/api/v1/tokens', { name: 'nightly export', role: 'admin' });
    const token = made.body.token as string;
    const listed = await admin.get('/api/v1/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect((await bearer(token, 'GET', '/api/v1/users')).status).toBe(200);
    expect((await admin.call('DELETE', `/api/v1/tokens/${made.body.id}`)).status).toBe(204);
    expect((await bearer(token, 'GET', '/api/v1/users')).status).toBe(401);
    expect((await admin.call('DELETE', `/api/v1/tokens/${made.body.id}`)).status).toBe(404);
    expect(await auditActions()).toContain(`token.revoke ${made.body.id}`);
    const inbox = await server.token('inbox');
    expect((await bearer(inbox, 'GET', '/api/v1/tokens')).status).toBe(403);
  });
});
