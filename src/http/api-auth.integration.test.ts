import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';
import { TEST_DIALECTS } from '../../test/support/test-databases.js';

describe.each(TEST_DIALECTS)('HTTP edge and API tokens on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => {
    await server.dispose();
  });

  const get = (path: string, token?: string) =>
    fetch(`${server.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('answers health and readiness without a token', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok', pendingMigrations: [] });
  });

  it('answers 401 with the error shape for a missing, malformed or unknown token', async () => {
    for (const auth of [undefined, 'Basic abc', 'Bearer ', 'Bearer hb_not_a_real_token']) {
      const response = await fetch(
        `${server.url}/api/v1/me`,
        auth ? { headers: { authorization: auth } } : {},
      );
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unauthorized');
      expect(body.error.message).toMatch(/token/i);
    }
  });

  it('lets an inbox token read who it is, and forbids it admin routes; an admin may', async () => {
    const inbox = await server.token('inbox');
    const me = await get('/api/v1/me', inbox);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: 'token', role: 'inbox', name: 'test inbox' });
    const jobs = await get('/api/v1/jobs', inbox);
    expect(jobs.status).toBe(403);
    expect(((await jobs.json()) as { error: { code: string } }).error.code).toBe('forbidden');

    const admin = await server.token('admin');
    const adminJobs = await get('/api/v1/jobs', admin);
    expect(adminJobs.status).toBe(200);
    expect(await adminJobs.json()).toEqual({ items: [] });
  });

  it('stores only the hash, and a revoked token stops working at once', async () => {
    const created = await server.container.createApiToken({ name: 'ci', role: 'admin' });
    const rows = await server.container.database.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect((await get('/api/v1/me', created.token)).status).toBe(200);
    expect(await server.container.revokeApiToken(created.id)).toBe(true);
    expect((await get('/api/v1/me', created.token)).status).toBe(401);
  });

  it('validates input and answers unknown routes and ids with clear errors, never a stack', async () => {
    const admin = await server.token('admin');
    const bad = await get('/api/v1/jobs?state=sleeping&limit=0', admin);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toContain('state');
    expect(body.error.message).toContain('limit');
    const missing = await get('/api/v1/jobs/nope', admin);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'Job not found' } });
    const retry = await fetch(`${server.url}/api/v1/jobs/nope/retry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(retry.status).toBe(404);
    // Unknown API paths are JSON 404s (other paths are the admin web app's own routes).
    const unknown = await get('/api/v1/nowhere');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
