import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/support/fake-clock.js';
import { runCli } from '../../test/support/run-cli.js';
import { httpCall, SessionClient, setUpFirstAdmin } from '../../test/support/session-client.js';
import { addSignedUpUser, linkToken } from '../../test/support/signed-up-user.js';
import { TEST_DIALECTS } from '../../test/support/test-databases.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

const ADMIN = { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' };
const HOUR = 3_600_000;

describe.each(TEST_DIALECTS)('password reset links on %s', (dialect) => {
  const clock = new FakeClock(Date.UTC(2026, 4, 1));
  let server: TestServer;
  let admin: SessionClient;
  let from = 40;
  const client = () => new SessionClient(server.url, `127.0.0.${from++}`);
  const publicCall = (path: string, body: unknown) => httpCall(server.url, 'POST', path, { body });
  const auditActions = async () =>
    ((await admin.get('/api/v1/audit?limit=200')).body.items as { action: string; targetId: string }[]).map(
      (e) => `${e.action} ${e.targetId}`,
    );

  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { clock });
    admin = await setUpFirstAdmin(server, ADMIN);
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('an admin makes a single-use link; using it sets the password, signs in and ends every other session', async () => {
    const id = await addSignedUpUser(server, {
      email: 'ivy@example.com',
      name: 'Ivy',
      role: 'inbox',
      password: 'ivy forgotten pw',
    });
    const elsewhere = client();
    await elsewhere.signIn('ivy@example.com', 'ivy forgotten pw');

    const made = await admin.post(`/api/v1/users/${id}/reset-link`);
    expect(made.status).toBe(201);
    const resetUrl = made.body.resetUrl as string;
    expect(resetUrl.startsWith(`${server.url}/reset#`)).toBe(true);
    const token = linkToken(resetUrl);
    // The old password still works until the link is used: a link made by mistake locks nobody out.
    await client().signIn('ivy@example.com', 'ivy forgotten pw');

    const viewed = await publicCall('/api/v1/auth/resets/view', { token });
    expect(viewed.body).toEqual({ email: 'ivy@example.com', name: 'Ivy' });
    const weak = await publicCall('/api/v1/auth/resets/accept', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.problems).toEqual([
      { field: 'password', message: 'must be at least 10 characters' },
    ]);

    const reset = new SessionClient(server.url, `127.0.0.${from++}`);
    const accepted = await reset.post('/api/v1/auth/resets/accept', { token, password: 'ivy brand new pw' });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ id, email: 'ivy@example.com' });
    expect((await reset.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    const old = await client().post('/api/v1/auth/login', {
      email: 'ivy@example.com',
      password: 'ivy forgotten pw',
    });
    expect(old.status).toBe(401);
    await client().signIn('ivy@example.com', 'ivy brand new pw');

    const again = await publicCall('/api/v1/auth/resets/accept', { token, password: 'ivy another pw!' });
    expect(again.status).toBe(409);
    expect(again.body.error.details.reason).toBe('used');
    expect(await auditActions()).toEqual(
      expect.arrayContaining([`user.password.reset_link ${id}`, `user.password.reset ${id}`]),
    );
  });

  it('voids older links, expires after 24 hours, and is refused for invited or deactivated users', async () => {
    const id = await addSignedUpUser(server, {
      email: 'max@example.com',
      name: 'Max',
      role: 'viewer',
      password: 'max password 1',
    });
    const first = linkToken((await admin.post(`/api/v1/users/${id}/reset-link`)).body.resetUrl as string);
    const second = linkToken((await admin.post(`/api/v1/users/${id}/reset-link`)).body.resetUrl as string);
    expect((await publicCall('/api/v1/auth/resets/view', { token: first })).status).toBe(404);
    // An invite token is no reset token.
    const invited = await admin.post('/api/v1/users', {
      email: 'nia@example.com',
      name: 'Nia',
      role: 'inbox',
    });
    const inviteToken = linkToken(invited.body.inviteUrl as string);
    expect((await publicCall('/api/v1/auth/resets/view', { token: inviteToken })).status).toBe(404);
    const notSignedUp = await admin.post(`/api/v1/users/${invited.body.id as string}/reset-link`);
    expect(notSignedUp.status).toBe(409);
    expect(notSignedUp.body.error.message).toContain('invite link');

    clock.advance(24 * HOUR + 1);
    const expired = await publicCall('/api/v1/auth/resets/accept', {
      token: second,
      password: 'max new password',
    });
    expect(expired.status).toBe(409);
    expect(expired.body.error.details.reason).toBe('expired');
    // A day on, the admin's session has ended too.
    admin = client();
    await admin.signIn(ADMIN.email, ADMIN.password);

    const third = linkToken((await admin.post(`/api/v1/users/${id}/reset-link`)).body.resetUrl as string);
    expect((await admin.post(`/api/v1/users/${id}/deactivate`)).status).toBe(200);
    const deactivated = await publicCall('/api/v1/auth/resets/view', { token: third });
    expect(deactivated.status).toBe(409);
    expect(deactivated.body.error.details.reason).toBe('deactivated');
    expect((await admin.post(`/api/v1/users/${id}/reset-link`)).status).toBe(409);
    expect((await admin.post(`/api/v1/users/nobody/reset-link`)).status).toBe(404);
  });

  it('is made by admins only, and from the CLI', async () => {
    const id = await addSignedUpUser(server, {
      email: 'cy@example.com',
      name: 'Cy',
      role: 'inbox',
      password: 'cy password 12',
    });
    const inbox = await server.token('inbox');
    const refused = await httpCall(server.url, 'POST', `/api/v1/users/${id}/reset-link`, {
      headers: { authorization: `Bearer ${inbox}` },
    });
    expect(refused.status).toBe(403);

    const cli = await runCli(['users', 'reset-link', 'CY@example.com'], server.env);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('Send this link to Cy <cy@example.com>; it works once, for 24 hours');
    const url = /https?:\/\/\S+\/reset#\S+/.exec(cli.stdout)?.[0];
    expect(url).toBeDefined();
    const accepted = await publicCall('/api/v1/auth/resets/accept', {
      token: linkToken(url!),
      password: 'cy new password',
    });
    expect(accepted.status).toBe(201);
    expect(await auditActions()).toContain(`user.password.reset_link ${id}`);
  });
});
