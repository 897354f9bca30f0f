import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../test/support/fake-clock.js';
import type { PasswordHasher } from '../core/ports/password-hasher.js';
import { argon2PasswordHasher } from '../security/password-hasher.js';
import { linkToken } from '../../test/support/signed-up-user.js';
import { TEST_DIALECTS } from '../../test/support/test-databases.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';
import { httpCall, SessionClient, sessionSetCookie, type Answer } from '../../test/support/session-client.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ADMIN = { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' };
const WRONG = 'Email or password is wrong';
const LOGIN = { email: ADMIN.email, password: ADMIN.password };

const codeOf = (a: Answer) => (a.body as { error?: { code: string } } | undefined)?.error?.code;

describe.each(TEST_DIALECTS)('sign-in on %s', (dialect) => {
  let server: TestServer;
  const clock = new FakeClock(Date.UTC(2026, 2, 1));
  // Each test signs in from its own loopback address, so the per-address throttle of one cannot touch another.
  let nextAddress = 10;
  const client = () => new SessionClient(server.url, `127.0.0.${nextAddress++}`);
  const setupToken = () => linkToken(server.setupUrl!);

  // The real argon2id hasher, counting its verifications (the timing-equality test reads the count).
  let verified = 0;
  const passwords: PasswordHasher = {
    hash: (password) => argon2PasswordHasher.hash(password),
    verify: (hash, password) => {
      verified += 1;
      return argon2PasswordHasher.verify(hash, password);
    },
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { clock, passwords });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('starts with a one-time setup link that creates the first admin and signs them in, once', async () => {
    expect(server.setupUrl).toMatch(new RegExp(`^${server.env['PUBLIC_URL']}/setup#[A-Za-z0-9_-]{43}$`));
    const browser = client();
    expect((await browser.get('/api/v1/auth/state')).body).toEqual({ setupRequired: true });
    expect((await browser.get('/api/v1/auth/session')).status).toBe(401);

    const wrong = await browser.post('/api/v1/auth/setup', { ...ADMIN, token: 'x'.repeat(43) });
    expect(wrong.status).toBe(401);
    expect(codeOf(wrong)).toBe('unauthorized');
    const weak = await browser.post('/api/v1/auth/setup', {
      ...ADMIN,
      password: 'short',
      token: setupToken(),
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.problems).toEqual([
      { field: 'password', message: 'must be at least 10 characters' },
    ]);

    // Two requests with the same link at once: exactly one creates an admin.
    const [first, second] = await Promise.all([
      browser.post('/api/v1/auth/setup', { ...ADMIN, token: setupToken() }),
      client().post('/api/v1/auth/setup', { ...ADMIN, token: setupToken() }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses[0]).toBe(201);
    expect([401, 409]).toContain(statuses[1]);
    const created = first.status === 201 ? first : second;
    expect(created.body.user).toMatchObject({ role: 'admin', mayManageInbox: true });
    expect(created.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionSetCookie(created)).toBeDefined();

    const admin = new SessionClient(server.url, browser.from);
    await admin.signIn(ADMIN.email, ADMIN.password);
    expect((await admin.get('/api/v1/me')).body).toEqual({
      kind: 'user',
      id: created.body.user.id,
      name: ADMIN.name,
      role: 'admin',
    });
    expect((await admin.get('/api/v1/auth/state')).body).toEqual({ setupRequired: false });
    const again = await client().post('/api/v1/auth/setup', { ...ADMIN, token: setupToken() });
    expect(again.status).toBe(409);
    expect(await server.container.createSetupLink()).toBeUndefined();

    const audit = await admin.get('/api/v1/audit?limit=50');
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'user.setup', targetId: created.body.user.id }),
    );
    const users = await admin.get('/api/v1/users');
    expect(users.body.items).toEqual([expect.objectContaining({ role: 'admin', signedUp: true })]);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie on sign-in and stores only its hash', async () => {
    const browser = client();
    const answer = await browser.signIn(ADMIN.email, ADMIN.password);
    expect(answer.body.user).toMatchObject({ email: ADMIN.email, name: ADMIN.name, role: 'admin' });
    const cookie = sessionSetCookie(answer)!;
    const attributes = cookie.split(';').map((a) => a.trim());
    expect(attributes[0]).toMatch(/^hb_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${24 * 3600}`]),
    );
    // PUBLIC_URL is http here; Secure is set for https (session-cookie.test.ts).
    expect(attributes).not.toContain('Secure');
    expect(answer.headers['cache-control']).toBe('no-store');

    const session = await browser.get('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.csrfToken).toBe(answer.body.csrfToken);
    const rows = await server.container.database.db.selectFrom('sessions').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(browser.cookie!);
    const users = await server.container.database.db.selectFrom('users').select('password_hash').execute();
    expect(users[0]!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers a wrong password and an unknown email alike, both after verifying a hash', async () => {
    const browser = client();
    // Timing cannot be asserted on a shared machine; what makes the answers take alike is that each
    // verifies one argon2id hash (an unknown email verifies a dummy one), so count the verifications.
    const attempt = async (email: string) => {
      const before = verified;
      const answer = await browser.post('/api/v1/auth/login', { email, password: 'not the password' });
      return { answer, hashes: verified - before };
    };
    const known = [await attempt(ADMIN.email), await attempt(ADMIN.email)];
    const unknown = [await attempt('nobody1@example.com'), await attempt('nobody2@example.com')];
    for (const { answer, hashes } of [...known, ...unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body.error).toEqual({ code: 'unauthorized', message: WRONG });
      expect(sessionSetCookie(answer)).toBeUndefined();
      expect(hashes).toBe(1);
    }
    await browser.signIn(ADMIN.email, ADMIN.password); // clears the account's count for later tests
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password; success resets the count', async () => {
    const ian = await server.container.services.people.addUser({
      email: 'ian@example.com',
      name: 'Ian',
      role: 'inbox',
      principal: { kind: 'token', id: 't', name: 't', role: 'admin' },
    });
    const token = linkToken(ian.inviteUrl);
    expect(
      (await client().post('/api/v1/auth/invites/accept', { token, password: 'ian password 1' })).status,
    ).toBe(201);
    const browser = client();
    const attempt = (password: string) =>
      browser.post('/api/v1/auth/login', { email: 'IAN@example.com', password });
    // Four failures, then a success: the count starts over.
    for (let i = 0; i < 4; i++) expect((await attempt('wrong password')).status).toBe(401);
    expect((await attempt('ian password 1')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('wrong password')).status).toBe(401);
    expect((await attempt('ian password 1')).status).toBe(200);

    for (let i = 0; i < 5; i++) expect((await attempt('wrong password')).status).toBe(401);
    const locked = await attempt('ian password 1');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    expect(locked.body.error.details.retryAfterSeconds).toBe(15 * 60);
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
    // The lock is the (account, address) pair's: Ian still gets in from another address
    // (sign-in-throttle.integration.test.ts covers the per-account delays).
    expect(
      (await client().post('/api/v1/auth/login', { email: 'ian@example.com', password: 'ian password 1' }))
        .status,
    ).toBe(200);
    clock.advance(10 * MINUTE);
    const later = await attempt('ian password 1');
    expect(later.status).toBe(429);
    expect(later.headers['retry-after']).toBe(String(5 * 60));
    clock.advance(5 * MINUTE);
    expect((await attempt('ian password 1')).status).toBe(200);
  });

  it('locks an address after 30 failures in 15 minutes, whichever accounts it tried', async () => {
    const spray = client();
    for (let i = 0; i < 30; i++) {
      const answer = await spray.post('/api/v1/auth/login', {
        email: `guess${i}@example.com`,
        password: 'guess',
      });
      expect(answer.status).toBe(401);
    }
    const blocked = await spray.post('/api/v1/auth/login', LOGIN);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The admin account itself is not locked: from another address the right password works.
    expect((await client().post('/api/v1/auth/login', LOGIN)).status).toBe(200);
    clock.advance(15 * MINUTE + 1);
    expect((await spray.post('/api/v1/auth/login', LOGIN)).status).toBe(200);
  });

  it('demands the session CSRF token on every cookie-authenticated change, and refuses foreign origins', async () => {
    const admin = client();
    await admin.signIn(ADMIN.email, ADMIN.password);
    const user = (n: number) => ({ email: `csrf${n}@example.com`, name: `Csrf ${n}`, role: 'viewer' });

    const missing = await admin.call('POST', '/api/v1/users', { body: user(1), csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf_rejected');
    expect(missing.body.error.message).toContain('X-CSRF-Token');
    const wrong = await admin.call('POST', '/api/v1/users', { body: user(1), csrf: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('csrf_rejected');
    const foreign = await admin.call('POST', '/api/v1/users', {
      body: user(1),
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toContain('Origin');
    // Nothing was created by the refused requests.
    expect((await admin.get('/api/v1/users')).body.items).not.toContainEqual(
      expect.objectContaining({ email: 'csrf1@example.com' }),
    );

    expect((await admin.call('POST', '/api/v1/users', { body: user(1) })).status).toBe(201);
    const own = await admin.call('POST', '/api/v1/users', {
      body: user(2),
      origin: server.env['PUBLIC_URL']!,
    });
    expect(own.status).toBe(201);
    const host = new URL(server.url).host;
    expect(
      (await admin.call('POST', '/api/v1/users', { body: user(3), origin: `http://${host}` })).status,
    ).toBe(201);
    // Reads need no token.
    expect((await admin.call('GET', '/api/v1/users', { csrf: false })).status).toBe(200);
  });

  it('refuses sign-in from another site: a foreign Origin, or a form body instead of JSON', async () => {
    const browser = client();
    const foreign = await browser.call('POST', '/api/v1/auth/login', {
      body: LOGIN,
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('csrf_rejected');
    for (const contentType of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
    ]) {
      const form = await browser.call('POST', '/api/v1/auth/login', {
        raw: { contentType, text: `email=${ADMIN.email}&password=${ADMIN.password}` },
      });
      expect(form.status, contentType).toBe(415);
      expect(form.body.error.code).toBe('unsupported_media_type');
    }
    expect(browser.cookie).toBeUndefined();
  });

  it('leaves API tokens as they were: no CSRF token, and the bearer wins over a cookie', async () => {
    const token = await server.token('admin');
    const created = await httpCall(server.url, 'POST', '/api/v1/users', {
      body: { email: 'bearer@example.com', name: 'Bearer', role: 'viewer' },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(created.status).toBe(201);
    expect(created.body.inviteUrl).toMatch(
      new RegExp(`^${server.env['PUBLIC_URL']}/invite#[A-Za-z0-9_-]{43}$`),
    );
    const inbox = await server.token('inbox');
    const admin = client();
    await admin.signIn(ADMIN.email, ADMIN.password);
    // An admin's cookie does not lift an inbox token to admin.
    const asInbox = await admin.call('GET', '/api/v1/users', {
      headers: { authorization: `Bearer ${inbox}` },
    });
    expect(asInbox.status).toBe(403);
    const me = await httpCall(server.url, 'GET', '/api/v1/me', {
      headers: { authorization: `Bearer ${inbox}` },
    });
    expect(me.body).toMatchObject({ kind: 'token', role: 'inbox' });
  });

  it('signs out: the session is deleted, the cookie cleared, and the old cookie is refused', async () => {
    const browser = client();
    await browser.signIn(ADMIN.email, ADMIN.password);
    const cookie = browser.cookie!;
    const noToken = await browser.call('POST', '/api/v1/auth/logout', { csrf: false });
    expect(noToken.status).toBe(403);
    expect((await browser.get('/api/v1/me')).status).toBe(200);

    const out = await browser.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(sessionSetCookie(out)).toMatch(/^hb_session=; Max-Age=0;/);
    expect(browser.cookie).toBeUndefined();
    browser.cookie = cookie; // a copy kept by an attacker
    const after = await browser.get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.error.message).toContain('sign in again');
    expect((await browser.get('/api/v1/auth/session')).status).toBe(401);
    // Without a live session there is nothing to protect: logging out again just clears the cookie.
    expect((await browser.call('POST', '/api/v1/auth/logout', { csrf: false })).status).toBe(204);
  });

  it('ends a session after 2 idle hours, and 24 hours after sign-in however active (the defaults)', async () => {
    const idle = client();
    await idle.signIn(ADMIN.email, ADMIN.password);
    clock.advance(110 * MINUTE);
    expect((await idle.get('/api/v1/me')).status).toBe(200);
    clock.advance(110 * MINUTE); // 220 min after sign-in, 110 after the last request: sliding
    expect((await idle.get('/api/v1/me')).status).toBe(200);
    clock.advance(2 * HOUR + MINUTE);
    expect((await idle.get('/api/v1/me')).status).toBe(401);

    const busy = client();
    await busy.signIn(ADMIN.email, ADMIN.password);
    for (let hours = 1; hours < 24; hours += 1) {
      clock.advance(HOUR);
      expect((await busy.get('/api/v1/me')).status, `after ${hours} h`).toBe(200);
    }
    clock.advance(HOUR + MINUTE); // just past 24 hours since sign-in
    const ended = await busy.get('/api/v1/auth/session');
    expect(ended.status).toBe(401);
    expect(sessionSetCookie(ended)).toMatch(/^hb_session=; Max-Age=0;/);
  });
});
