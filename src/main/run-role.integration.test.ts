import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../test/support/free-port.js';
import { runCli } from '../../test/support/run-cli.js';
import { waitFor } from '../../test/support/wait-for.js';

const CLI = new URL('./cli.ts', import.meta.url).pathname;

interface Started {
  readonly child: ChildProcess;
  readonly port: number;
  output(): string;
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-role-'));
  dirs.push(dataDir);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { child, port, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('hirebridge start --role', () => {
  it('web answers HTTP without a worker, and stops cleanly on SIGTERM', async () => {
    const web = await start(['start', '--role', 'web']);
    await waitFor('the web role to listen', () => web.output().includes('HireBridge is listening'), 60_000);
    const health = await fetch(`http://127.0.0.1:${web.port}/healthz`);
    expect(health.status).toBe(200);
    expect(web.output()).toMatch(/"role":"web".*"worker":false/);
    web.child.kill('SIGTERM');
    expect(await exited(web.child)).toBe(0);
  });

  it('worker runs jobs only: no HTTP listener (HIREBRIDGE_ROLE works the same)', async () => {
    const worker = await start(['start'], { HIREBRIDGE_ROLE: 'worker' });
    await waitFor('the worker role to start', () => worker.output().includes('worker started'), 60_000);
    await expect(fetch(`http://127.0.0.1:${worker.port}/healthz`)).rejects.toThrow();
    worker.child.kill('SIGTERM');
    expect(await exited(worker.child)).toBe(0);
  });

  it('refuses an unknown role, naming the choices', async () => {
    const result = await runCli(['start', '--role', 'boss'], { DATA_DIR: os.tmpdir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--role must be one of: all, web, worker');
  });
});
