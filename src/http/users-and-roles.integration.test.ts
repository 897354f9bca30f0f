import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from '../connectors/ashby/fake/sample-fixture.js';
import { startAshbySimulator } from '../connectors/ashby/fake/simulator.js';
import { FakeClock } from '../../test/support/fake-clock.js';
import { TEST_DIALECTS } from '../../test/support/test-databases.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';
import {
  httpCall,
  SessionClient,
  sessionSetCookie,
  setUpFirstAdmin,
} from '../../test/support/session-client.js';

const DAY = 24 * 3_600_000;
const ADMIN = { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' };
const tokenOf = (inviteUrl: string) => new URL(inviteUrl).hash.slice(1);

describe.each(TEST_DIALECTS)('users, invites and roles on %s', (dialect) => {
  let server: TestServer;
  let admin: SessionClient;
  const clock = new FakeClock(Date.UTC(2026, 3, 1));
  let nextAddress = 10;
  const client = () => new SessionClient(server.url, `127.0.0.${nextAddress++}`);

  /** Invites a user as the admin and returns the user with their invite link. */
  const invite = async (email: string, role: string, name = email.split('@')[0]!) => {
    const answer = await admin.post('/api/v1/users', { email, name, role });
    expect(answer.status, answer.text).toBe(201);
    return answer.body as { id: string; inviteUrl: string; signedUp: boolean; role: string };
  };
  /** Invites a user, accepts the invite and returns their signed-in client. */
  const signedUpUser = async (email: string, role: string) => {
    const user = await invite(email, role);
    const browser = client();
    const accepted = await browser.post('/api/v1/auth/invites/accept', {
      token: tokenOf(user.inviteUrl),
      password: `${email} password`,
    });
    expect(accepted.status, accepted.text).toBe(201);
    return { user, browser };
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { clock });
    admin = await setUpFirstAdmin(server, ADMIN, '127.0.0.2');
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('refuses to demote the last admin who can sign in (an invited admin does not count)', async () => {
    const me = (await admin.get('/api/v1/me')).body as { id: string };
    await invite('ivy.admin@example.com', 'admin');
    const refused = await admin.patch(`/api/v1/users/${me.id}`, { role: 'inbox' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect(refused.body.error.message).toContain('last admin');
    expect((await admin.get('/api/v1/me')).body.role).toBe('admin');
    const unknown = await admin.patch('/api/v1/users/no-such-user', { role: 'inbox' });
    expect(unknown.status).toBe(404);
    const badRole = await admin.patch(`/api/v1/users/${me.id}`, { role: 'boss' });
    expect(badRole.status).toBe(400);
  });

  it('invites an inbox manager who accepts, signs in, and may use the inbox but no admin route', async () => {
    const user = await invite('ian@example.com', 'inbox', 'Ian Inbox');
    expect(user).toMatchObject({ role: 'inbox', signedUp: false });
    expect(user.inviteUrl).toMatch(new RegExp(`^${server.env['PUBLIC_URL']}/invite#[A-Za-z0-9_-]{43}$`));
    const token = tokenOf(user.inviteUrl);
    const visitor = client();
    const view = await visitor.post('/api/v1/auth/invites/view', { token: token });
    expect(view.status).toBe(200);
    expect(view.body).toEqual({ email: 'ian@example.com', name: 'Ian Inbox', role: 'inbox' });
    expect((await visitor.post('/api/v1/auth/invites/view', { token: 'nothing-like-a-token' })).status).toBe(
      404,
    );

    const weak = await visitor.post('/api/v1/auth/invites/accept', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.problems).toEqual([
      { field: 'password', message: 'must be at least 10 characters' },
    ]);
    const tooLong = await visitor.post('/api/v1/auth/invites/accept', { token, password: 'x'.repeat(257) });
    expect(tooLong.body.error.details.problems).toEqual([
      { field: 'password', message: 'must be at most 256 characters' },
    ]);
    const accepted = await visitor.post('/api/v1/auth/invites/accept', {
      token,
      name: 'Ian I. Inbox',
      password: 'ian secret pass',
    });
    expect(accepted.status).toBe(201);
    expect(sessionSetCookie(accepted)).toBeDefined();
    expect(accepted.body.user).toEqual({
      id: user.id,
      email: 'ian@example.com',
      name: 'Ian I. Inbox',
      role: 'inbox',
      mayManageInbox: true,
    });
    const used = await client().post('/api/v1/auth/invites/view', { token: token });
    expect(used.status).toBe(409);
    expect(used.body.error.message).toContain('already used');
    expect(
      (await client().post('/api/v1/auth/invites/accept', { token, password: 'another password' })).status,
    ).toBe(409);

    const ian = client();
    await ian.signIn('ian@example.com', 'ian secret pass');
    expect((await ian.get('/api/v1/new-hires')).status).toBe(200);
    for (const path of ['/api/v1/connections', '/api/v1/users', '/api/v1/jobs']) {
      const answer = await ian.get(path);
      expect(answer.status, path).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    const patched = await ian.patch(`/api/v1/users/${user.id}`, { role: 'admin' });
    expect(patched.status).toBe(403);

    const listed = (await admin.get('/api/v1/users')).body.items as { id: string; signedUp: boolean }[];
    expect(listed.find((u) => u.id === user.id)).toMatchObject({ signedUp: true, name: 'Ian I. Inbox' });
    // A user who signed up needs no invite.
    expect((await admin.post(`/api/v1/users/${user.id}/invite`)).status).toBe(409);
  });

  it('re-invites: the new link works, older ones stop; links expire after 7 days', async () => {
    const user = await invite('rita@example.com', 'viewer');
    const again = await admin.post(`/api/v1/users/${user.id}/invite`);
    expect(again.status).toBe(201);
    const newer = again.body.inviteUrl as string;
    expect(newer).not.toBe(user.inviteUrl);
    const old = await client().post('/api/v1/auth/invites/view', { token: tokenOf(user.inviteUrl) });
    expect(old.status).toBe(404);
    expect(old.body.error.message).toContain('replaced');
    expect((await client().post('/api/v1/auth/invites/view', { token: tokenOf(newer) })).status).toBe(200);

    clock.advance(7 * DAY + 1);
    const expired = await client().post('/api/v1/auth/invites/view', { token: tokenOf(newer) });
    expect(expired.status).toBe(409);
    expect(expired.body.error.message).toContain('expired');
    const accept = await client().post('/api/v1/auth/invites/accept', {
      token: tokenOf(newer),
      password: 'a long enough password',
    });
    expect(accept.status).toBe(409);
    expect(accept.body.error.message).toContain('expired');
    // A week on, the admin's own session has ended too (7 days at most).
    expect((await admin.get('/api/v1/me')).status).toBe(401);
    await admin.signIn(ADMIN.email, ADMIN.password);
    expect((await admin.post('/api/v1/users/no-such-user/invite')).status).toBe(404);

    const audit = (await admin.get('/api/v1/audit?limit=100')).body.items as {
      action: string;
      targetId: string;
    }[];
    expect(audit.filter((e) => e.action === 'user.invite' && e.targetId === user.id)).toHaveLength(2);
  });

  it("applies a role change at the user's next request, and audits it", async () => {
    const { user, browser } = await signedUpUser('rob@example.com', 'inbox');
    expect((await browser.get('/api/v1/users')).status).toBe(403);
    const promoted = await admin.patch(`/api/v1/users/${user.id}`, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ id: user.id, role: 'admin', mayManageInbox: true, signedUp: true });
    // The same session, no new sign-in.
    expect((await browser.get('/api/v1/users')).status).toBe(200);
    expect((await browser.get('/api/v1/auth/session')).body.user.role).toBe('admin');

    // Two signed-up admins now: the first may be demoted, and then Rob is the last one.
    const ada = (await admin.get('/api/v1/me')).body as { id: string };
    expect((await browser.patch(`/api/v1/users/${ada.id}`, { role: 'inbox' })).status).toBe(200);
    expect((await admin.get('/api/v1/users')).status).toBe(403);
    expect((await browser.patch(`/api/v1/users/${user.id}`, { role: 'viewer' })).status).toBe(409);
    expect((await browser.patch(`/api/v1/users/${ada.id}`, { role: 'admin' })).status).toBe(200);
    expect((await admin.get('/api/v1/users')).status).toBe(200);

    const audit = (await admin.get('/api/v1/audit?limit=100')).body.items as {
      action: string;
      targetId: string;
      actor: string;
      details: Record<string, unknown>;
    }[];
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'user.role',
        targetId: user.id,
        details: { from: 'inbox', to: 'admin' },
        actor: `user:Ada Admin (${ada.id})`,
      }),
    );
  });

  it('never leaves zero admins when the last two are demoted at once', async () => {
    // Straight to the wired services (real database, real transactions), without HTTP in between, so
    // both role changes are inside their transactions together and only the database's lock decides.
    const { people, auth } = server.container.services;
    const principal = { kind: 'token', id: 'race', name: 'race', role: 'admin' } as const;
    const ada = ((await admin.get('/api/v1/me')).body as { id: string }).id;
    const admins = async () =>
      (await people.listUsers()).filter((u) => u.role === 'admin' && u.signedUp).map((u) => u.id);
    let survivors = await admins();
    for (let round = 0; round < 5; round++) {
      const pair: string[] = [];
      for (const n of ['pat', 'sam']) {
        const user = await people.addUser({
          email: `${n}${round}@example.com`,
          name: n,
          role: 'admin',
          principal,
        });
        await auth.acceptInvite({ token: tokenOf(user.inviteUrl), password: 'a long password' });
        pair.push(user.id);
      }
      // Everyone else steps down, so the pair are the only admins.
      for (const id of survivors) await people.changeUserRole({ userId: id, role: 'inbox', principal });
      const results = await Promise.allSettled(
        pair.map((userId) => people.changeUserRole({ userId, role: 'inbox', principal })),
      );
      expect(results.map((r) => r.status).sort(), `round ${round}`).toEqual(['fulfilled', 'rejected']);
      expect(await admins()).toHaveLength(1);
      survivors = await admins();
    }
    // Ada becomes admin again for the tests that follow.
    await people.changeUserRole({ userId: ada, role: 'admin', principal });
  });

  it('lets a viewer sign in and read everything, but change nothing', async () => {
    const { browser } = await signedUpUser('vera@example.com', 'viewer');
    const me = await browser.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'user', role: 'viewer' });
    expect((await browser.get('/api/v1/auth/session')).body.user).toMatchObject({
      role: 'viewer',
      mayManageInbox: false,
    });
    for (const path of ['/api/v1/new-hires', '/api/v1/members', '/api/v1/users', '/api/v1/audit'])
      expect((await browser.get(path)).status, path).toBe(200);
    // Their own (empty) notifications only.
    expect((await browser.get('/api/v1/notifications')).body.items).toEqual([]);
    expect(
      (await browser.post('/api/v1/users', { email: 'x@example.com', name: 'X', role: 'admin' })).status,
    ).toBe(403);
    expect((await browser.post('/api/v1/tokens', { name: 'mine', role: 'admin' })).status).toBe(403);
  });

  it("reads a signed-in user's own notifications by default and refuses another's; tokens name the user", async () => {
    const { user: nina, browser } = await signedUpUser('nina@example.com', 'inbox');
    const { user: otto } = await signedUpUser('otto@example.com', 'inbox');
    const db = server.container.database.db;
    const row = (id: string, userId: string, readAt: number | null) => ({
      id,
      user_id: userId,
      new_hire_id: `hire-${id}`,
      connection_id: 'conn-1',
      created_at: clock.now(),
      read_at: readAt,
    });
    await db
      .insertInto('notifications')
      .values([
        row('n1', nina.id, null),
        row('n2', nina.id, null),
        row('n3', nina.id, 1),
        row('o1', otto.id, null),
      ])
      .execute();

    const mine = await browser.get('/api/v1/notifications');
    expect(mine.status).toBe(200);
    expect((mine.body.items as { id: string }[]).map((n) => n.id).sort()).toEqual(['n1', 'n2', 'n3']);
    expect((await browser.get(`/api/v1/notifications?userId=${nina.id}`)).status).toBe(200);
    const others = await browser.get(`/api/v1/notifications?userId=${otto.id}`);
    expect(others.status).toBe(403);
    expect(others.body.error.code).toBe('forbidden');
    expect((await browser.get(`/api/v1/notifications/unread-count?userId=${otto.id}`)).status).toBe(403);

    expect((await browser.get('/api/v1/notifications/unread-count')).body).toEqual({ count: 2 });
    expect((await browser.post('/api/v1/notifications/n1/read')).status).toBe(204);
    expect((await browser.get('/api/v1/notifications/unread-count')).body).toEqual({ count: 1 });
    // Another user's notification is not hers to mark, by id or by naming him.
    expect((await browser.post('/api/v1/notifications/o1/read')).status).toBe(404);
    expect((await browser.post(`/api/v1/notifications/o1/read?userId=${otto.id}`)).status).toBe(403);

    const token = await server.token('inbox');
    const asToken = (path: string) =>
      httpCall(server.url, 'GET', path, { headers: { authorization: `Bearer ${token}` } });
    const unnamed = await asToken('/api/v1/notifications');
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.message).toContain('API tokens are not users');
    expect((await asToken('/api/v1/notifications/unread-count')).status).toBe(400);
    expect((await asToken(`/api/v1/notifications/unread-count?userId=${otto.id}`)).body).toEqual({
      count: 1,
    });
    const ottos = await asToken(`/api/v1/notifications?userId=${otto.id}`);
    expect((ottos.body.items as { id: string }[]).map((n) => n.id)).toEqual(['o1']);
  });

  it('makes the signed-in admin who connects Ashby the default recipient of its notifications', async () => {
    const sim = await startAshbySimulator({ scenarioFile: SAMPLE_COMPANY_PATH });
    try {
      const ada = ((await admin.get('/api/v1/me')).body as { id: string }).id;
      const connected = await admin.post('/api/v1/connections/ashby', {
        apiKey: SAMPLE_KEYS.full,
        apiUrl: sim.url,
      });
      expect(connected.status, connected.text).toBe(201);
      const settings = await admin.get(`/api/v1/connections/${connected.body.id}/notification-settings`);
      expect(settings.body).toMatchObject({ connectedByUserId: ada, usingDefault: true });
      expect((settings.body.recipients as { id: string }[]).map((u) => u.id)).toEqual([ada]);
    } finally {
      await sim.close();
    }
  });
});
