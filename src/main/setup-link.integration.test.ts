import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/support/free-port.js';
import { runCli } from '../../test/support/run-cli.js';
import { httpCall } from '../../test/support/session-client.js';
import { waitFor } from '../../test/support/wait-for.js';

const SERVER = new URL('./server.ts', import.meta.url).pathname;
const LINE = /^HireBridge setup: open (\S+) to create the first admin \(valid 24 hours, single use\)$/m;
const ADMIN = { email: 'ada@example.com', name: 'Ada', password: 'correct horse battery' };

/** The server as `npm start` runs it (tsx instead of the build), with its stdout and stderr kept apart. */
function startProcess(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d: Buffer) => (out.stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (out.stderr += d.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    out,
    listening: () =>
      waitFor('the server to listen', () => out.stdout.includes('HireBridge is listening'), 30_000),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// SQLite is enough: the link's storage is covered on both dialects by the HTTP sign-in tests.
describe('the first-run setup link', () => {
  let dir: string;
  let env: Record<string, string>;
  let running: ReturnType<typeof startProcess> | undefined;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-setup-'));
    const port = await freePort();
    env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dir,
      DATABASE_URL: `sqlite:${path.join(dir, 'hb.sqlite')}`,
      RUN_WORKER: 'false',
      LOG_LEVEL: 'debug',
      ADMIN_UI_DIR: path.join(dir, 'no-ui'),
    };
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is printed once at start, on its own line and never into the log; the CLI makes a new one', async () => {
    running = startProcess(env);
    await running.listening();
    const printed = LINE.exec(running.out.stdout)?.[1];
    expect(printed).toMatch(new RegExp(`^${env['PUBLIC_URL']}/setup#[A-Za-z0-9_-]{43}$`));
    const token = new URL(printed!).hash.slice(1);
    expect(running.out.stdout.match(/HireBridge setup:/g)).toHaveLength(1);
    // Every other stdout line is a JSON log line, and none of them (nor stderr) holds the token.
    const logLines = running.out.stdout.split('\n').filter((l) => l && !LINE.test(l));
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(logLines.join('\n') + running.out.stderr).not.toContain(token);

    // For when it expired: the CLI prints a fresh link, and the first stops working.
    const fresh = await runCli(['users', 'setup-link'], env);
    expect(fresh.code).toBe(0);
    const freshUrl = LINE.exec(fresh.stdout)?.[1];
    expect(freshUrl).toBeDefined();
    expect(freshUrl).not.toBe(printed);
    const setup = (t: string) =>
      httpCall(env['PUBLIC_URL']!, 'POST', '/api/v1/auth/setup', { body: { token: t, ...ADMIN } });
    expect((await setup(token)).status).toBe(401);
    const done = await setup(new URL(freshUrl!).hash.slice(1));
    expect(done.status).toBe(201);
    expect(done.body.user).toMatchObject({ email: ADMIN.email, role: 'admin' });

    const again = await runCli(['users', 'setup-link'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Setup is already done');
    expect(again.stdout).not.toContain('HireBridge setup:');
  });

  it('is not printed once a user can sign in', async () => {
    running = startProcess(env);
    await running.listening();
    expect(running.out.stdout).not.toContain('HireBridge setup:');
  });
});
