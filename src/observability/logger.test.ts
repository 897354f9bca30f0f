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
});
