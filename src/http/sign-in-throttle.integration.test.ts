import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../core/ports/password-hasher.js';
import { argon2PasswordHasher } from '../security/password-hasher.js';
import { FakeClock } from '../../test/support/fake-clock.js';
import { httpCall, type Answer } from '../../test/support/session-client.js';
import { addSignedUpUser } from '../../test/support/signed-up-user.js';
import { TEST_DIALECTS } from '../../test/support/test-databases.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';
import { waitFor } from '../../test/support/wait-for.js';

const MINUTE = 60_000;

/**
 * The real argon2 hasher, counting its verifications and able to hold them at a gate, so a test can see
 * how many attempts reached the password check and keep them in flight while others arrive.
 */
class CountingHasher implements PasswordHasher {
  verifications = 0;
  #gate: Promise<void> | undefined;
  #open: (() => void) | undefined;
  hash = (password: string) => argon2PasswordHasher.hash(password);
  verify = async (hash: string, password: string) => {
    this.verifications++;
    await this.#gate;
    return argon2PasswordHasher.verify(hash, password);
  };
  close(): void {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
  }
  open(): void {
    this.#open?.();
    this.#gate = undefined;
  }
}

describe.each(TEST_DIALECTS)('sign-in throttle on %s', (dialect) => {
  let server: TestServer;
  const clock = new FakeClock(Date.UTC(2026, 3, 1));
  const hasher = new CountingHasher();
  // TRUST_PROXY=true: each attempt names its client address in X-Forwarded-For, IPv4 or IPv6.
  const login = (email: string, password: string, from: string): Promise<Answer> =>
    httpCall(server.url, 'POST', '/api/v1/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': from },
    });
  let n = 0;
  const newUser = async () => {
    const email = `user${++n}@example.com`;
    const password = `right password ${n}`;
    await addSignedUpUser(server, { email, name: `User ${n}`, role: 'inbox', password });
    return { email, password };
  };
  const statuses = (answers: Answer[]) =>
    answers.reduce<Record<number, number>>(
      (acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }),
      {},
    );

  beforeAll(async () => {
    server = await startTestServer(dialect, { TRUST_PROXY: 'true' }, { clock, passwords: hasher });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('lets at most 5 of 40 concurrent attempts reach the password check', async () => {
    const user = await newUser();
    hasher.verifications = 0;
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => login(user.email, 'wrong password', '198.51.100.1')),
    );
    expect(hasher.verifications).toBeLessThanOrEqual(5);
    const counted = statuses(answers);
    expect(counted[401] ?? 0).toBeLessThanOrEqual(5);
    expect((counted[401] ?? 0) + (counted[429] ?? 0)).toBe(40);
    const right = await login(user.email, user.password, '198.51.100.1');
    expect(right.status).toBe(429);
    expect(hasher.verifications).toBeLessThanOrEqual(5);
  });

  it('refuses the right password sent while 19 wrong ones are still being checked', async () => {
    const user = await newUser();
    hasher.verifications = 0;
    hasher.close();
    try {
      const wrong = Array.from({ length: 19 }, () => login(user.email, 'wrong password', '198.51.100.2'));
      // The attempts that got past the count wait at the gate, mid-verification.
      await waitFor('5 attempts at the password check', () => hasher.verifications >= 5);
      // Before attempts were counted ahead of the check, this one reached it too and got 200.
      const right = login(user.email, user.password, '198.51.100.2');
      hasher.open();
      const answers = await Promise.all(wrong);
      expect((await right).status).toBe(429);
      expect(statuses(answers)[401] ?? 0).toBeLessThanOrEqual(5);
    } finally {
      hasher.open();
    }
  });

  it('locks the (account, address) pair only: the owner signs in from their own address meanwhile', async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i++) expect((await login(user.email, 'wrong', '198.51.100.3')).status).toBe(401);
    const locked = await login(user.email, user.password, '198.51.100.3');
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
    expect((await login(user.email, user.password, '203.0.113.3')).status).toBe(200);
    // The attacker's pair stays locked after the owner's success elsewhere.
    expect((await login(user.email, user.password, '198.51.100.3')).status).toBe(429);
    clock.advance(15 * MINUTE + 1);
    expect((await login(user.email, user.password, '198.51.100.3')).status).toBe(200);
  });

  it('slows an account tried from many addresses progressively, but not from an address it signed in from', async () => {
    const user = await newUser();
    expect((await login(user.email, user.password, '203.0.113.4')).status).toBe(200);
    for (let i = 0; i < 10; i++)
      expect((await login(user.email, 'wrong', `198.51.101.${i}`)).status, `attempt ${i}`).toBe(401);
    const slowed = await login(user.email, 'wrong', '198.51.101.100');
    expect(slowed.status).toBe(429);
    expect(slowed.headers['retry-after']).toBe('1');
    clock.advance(1000);
    expect((await login(user.email, 'wrong', '198.51.101.101')).status).toBe(401);
    const slower = await login(user.email, 'wrong', '198.51.101.102');
    expect(slower.status).toBe(429);
    expect(slower.headers['retry-after']).toBe('2');
    // A new address of the owner's waits like everyone else; their known address does not.
    expect((await login(user.email, user.password, '203.0.113.99')).status).toBe(429);
    expect((await login(user.email, user.password, '203.0.113.4')).status).toBe(200);
    // That success cleared the account's count.
    expect((await login(user.email, user.password, '203.0.113.99')).status).toBe(200);
  });

  it('counts IPv6 addresses per /64', async () => {
    const user = await newUser();
    for (let i = 1; i <= 5; i++)
      expect((await login(user.email, 'wrong', `2001:db8:1:2::${i}`)).status).toBe(401);
    expect((await login(user.email, user.password, '2001:db8:1:2:ffff:ffff:ffff:ffff')).status).toBe(429);
    expect((await login(user.email, user.password, '2001:db8:1:3::1')).status).toBe(200);
  });
});
