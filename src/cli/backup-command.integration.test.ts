import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

describe('hirebridge backup', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('copies the live SQLite database while the server writes to it, readable only by its owner', async () => {
    for (let i = 0; i < 5; i += 1) await server.token('inbox');
    const target = path.join(server.config.dataDir, 'backup-1.sqlite');
    // The server keeps writing while the backup runs: the copy must still be consistent.
    const writing = Promise.all([1, 2, 3].map(() => server.token('admin')));
    const result = await runCli(['backup', '--to', target], server.env);
    await writing;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Backed up the database to');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    const copy = new SQLite(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const { count } = copy.prepare('select count(*) as count from api_tokens').get() as { count: number };
      expect(count).toBeGreaterThanOrEqual(5);
    } finally {
      copy.close();
    }
  });

  it('never overwrites an existing file, and names the problem', async () => {
    const target = path.join(server.config.dataDir, 'keep-me.sqlite');
    fs.writeFileSync(target, 'an older backup');
    const result = await runCli(['backup', '--to', target], server.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already exists');
    expect(fs.readFileSync(target, 'utf8')).toBe('an older backup');
  });
});
