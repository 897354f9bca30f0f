import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

// The CLI shares the server's database; SQLite is enough here (dialect coverage lives in the API tests).
describe('hirebridge CLI', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('creates a token that works against the running server, printing it once as JSON', async () => {
    const result = await runCli(
      ['token', 'create', '--name', 'payroll sync', '--role', 'inbox', '--json'],
      server.env,
    );
    expect(result.code).toBe(0);
    const created = JSON.parse(result.stdout) as { id: string; token: string; role: string };
    expect(created.role).toBe('inbox');
    expect(created.token).toMatch(/^hb_[A-Za-z0-9_-]{43}$/);
    const me = await fetch(`${server.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(await me.json()).toMatchObject({ name: 'payroll sync', role: 'inbox' });

    const list = await runCli(['token', 'list'], server.env);
    expect(list.stdout).toContain('payroll sync');
    expect(list.stdout).toContain('command line');
    expect(list.stdout).not.toContain(created.token);
  });

  it('exits 2 with a named problem for bad arguments and bad configuration', async () => {
    const badRole = await runCli(['token', 'create', '--name', 'x', '--role', 'boss'], server.env);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be one of: admin, inbox');
    const badConfig = await runCli(['migrate'], { ...server.env, DATABASE_URL: 'mysql://nope' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('DATABASE_URL: must start with postgres://');
  });

  it('refuses to retry a job that is not dead, naming why', async () => {
    const result = await runCli(['jobs', 'retry', 'missing-job'], server.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not_found: Job not found');
  });
});
