import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger, loggablePath } from './logger.js';

describe('createLogger', () => {
  it('logs requests by path, without the query string that may carry personal data', async () => {
    let output = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString('utf8');
        done();
      },
    });
    const app = Fastify({ loggerInstance: createLogger('debug', sink) });
    app.get('/api/v1/members', () => ({ items: [] }));
    await app.inject({ url: '/api/v1/members?q=jane.doe%40example.com' });
    await app.close();
    expect(output).toContain('"url":"/api/v1/members"');
    expect(output).not.toContain('jane.doe');
  });

  it('never writes session cookies, CSRF tokens, passwords or sign-in links', async () => {
    let output = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString('utf8');
        done();
      },
    });
    const logger = createLogger('trace', sink);
    const app = Fastify({ loggerInstance: logger });
    app.post('/api/v1/auth/login', (_request, reply) =>
      reply.header('set-cookie', 'hb_session=COOKIEVALUE123; HttpOnly').send({ csrfToken: 'CSRFVALUE123' }),
    );
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: 'hb_session=OLDCOOKIE123', 'x-csrf-token': 'CSRFHEADER123' },
      payload: { email: 'a@example.com', password: 'PASSWORD123' },
    });
    logger.info(
      {
        cookie: 'COOKIEFIELD123',
        csrfToken: 'CSRFFIELD123',
        password: 'PASSWORDFIELD123',
        passwordHash: '$argon2id$HASH123',
        inviteUrl: 'http://x/invite/INVITE123',
        setupUrl: 'http://x/setup?token=SETUP123',
        headers: { cookie: 'hb_session=HEADERCOOKIE123', 'set-cookie': 'hb_session=SETCOOKIE123' },
      },
      'sign-in fields',
    );
    await app.close();
    expect(output).toContain('sign-in fields');
    for (const secret of [
      'COOKIEVALUE123',
      'CSRFVALUE123',
      'OLDCOOKIE123',
      'CSRFHEADER123',
      'PASSWORD123',
      'COOKIEFIELD123',
      'CSRFFIELD123',
      'HASH123',
      'INVITE123',
      'SETUP123',
      'HEADERCOOKIE123',
      'SETCOOKIE123',
    ])
      expect(output, secret).not.toContain(secret);
  });

  it('logs a path without its query or any link token', () => {
    const token = 'A'.repeat(20) + '_-' + 'b'.repeat(21);
    expect(loggablePath(`/invite/${token}`)).toBe('/invite/[redacted]');
    expect(loggablePath(`/api/v1/auth/invites/${token}`)).toBe('/api/v1/auth/invites/[redacted]');
    expect(loggablePath('/api/v1/auth/invites/accept')).toBe('/api/v1/auth/invites/accept');
    expect(loggablePath(`/setup?token=${token}`)).toBe('/setup');
    expect(loggablePath(`/anything/${token}/more`)).toBe('/anything/[redacted]/more');
    // Ids (UUIDs, 36 characters) stay readable.
    const id = '0b6a3f4e-8f0c-4c1e-9a52-1d2f3e4a5b6c';
    expect(loggablePath(`/api/v1/new-hires/${id}`)).toBe(`/api/v1/new-hires/${id}`);
  });
});
