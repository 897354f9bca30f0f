import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

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
});
