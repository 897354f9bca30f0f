import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { createDatabase, type DatabaseHandle, type Dialect } from '../../src/db/dialects/create-database.js';
import type { Database } from '../../src/db/tables/database.js';
import { createTestTarget } from '../../test/support/test-databases.js';
import { freePort } from '../../test/support/free-port.js';
import { waitFor } from '../../test/support/wait-for.js';
import { childEnv, runToEnd, spawnChild, type ManagedChild } from './children.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** How HireBridge is run: the compiled build (`npm run build`, as `npm start` does) or from source via tsx. */
export type ServerMode = 'dist' | 'tsx';

function entry(mode: ServerMode, name: 'server' | 'cli'): string[] {
  return mode === 'dist'
    ? // The flags of `npm start` and the Dockerfile (the young-generation size keeps idle RSS down).
      ['--enable-source-maps', '--max-semi-space-size=8', path.join(REPO_ROOT, `dist/main/${name}.js`)]
    : ['--import', 'tsx', path.join(REPO_ROOT, `src/main/${name}.ts`)];
}

export interface HireBridge {
  readonly name: string;
  readonly dialect: Dialect;
  readonly url: string;
  readonly env: Record<string, string>;
  readonly child: ManagedChild;
  readonly token: string;
  /** A database handle of the bench's own, for counting rows (never used to write). */
  readonly db: Kysely<Database>;
  api<T>(route: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: T }>;
  /** Connects an Ashby (simulator) account through the API; returns the connection id and Secret Token. */
  connect(apiUrl: string, apiKey: string): Promise<{ connectionId: string; secretToken: string }>;
  cli(
    args: readonly string[],
    timeoutMs?: number,
  ): Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Starts a worker process (`hirebridge worker`) on the same database; stopped by `dispose`. */
  startWorker(): ManagedChild;
  /** Stops the process and removes its database and data directory. */
  dispose(): Promise<void>;
}

/**
 * A HireBridge server as its own process, on a fresh database (a temporary SQLite file, or a new
 * PostgreSQL database on the CI server), listening on a free loopback port. Request logs are written at
 * the default level (info) to stdout, which is discarded: their cost is part of what is measured.
 */
export async function startHireBridge(options: {
  name: string;
  dialect: Dialect;
  mode: ServerMode;
  env?: Record<string, string>;
  /** Extra node flags for the server only (e.g. --cpu-prof when looking into a figure). */
  nodeArgs?: readonly string[];
}): Promise<HireBridge> {
  const { target, drop } = await createTestTarget(options.dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-bench-'));
  const port = await freePort();
  const env = childEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DATABASE_URL: target.dialect === 'sqlite' ? `sqlite:${target.file}` : target.url,
    LOG_LEVEL: 'info',
    // The Ashby simulator listens on loopback over http, which the outbound address policy refuses
    // unless told this is a private network.
    ALLOW_PRIVATE_OUTBOUND: 'true',
    ...options.env,
  });
  const cli = (args: readonly string[], timeoutMs = 60_000) =>
    runToEnd(process.execPath, [...entry(options.mode, 'cli'), ...args], { env, cwd: REPO_ROOT, timeoutMs });
  let child: ManagedChild | undefined;
  let handle: DatabaseHandle | undefined;
  const workers: ManagedChild[] = [];
  const cleanup = async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await child?.stop();
    await handle?.close();
    await drop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // The CLI migrates the fresh database and makes an admin token before the server starts.
    const created = await cli(['token', 'create', '--name', 'bench', '--role', 'admin', '--json']);
    if (created.code !== 0)
      throw new Error(`token create failed (${created.code}): ${created.stderr.slice(-500)}`);
    const token = (JSON.parse(created.stdout) as { token: string }).token;
    const started = spawnChild(
      process.execPath,
      [...(options.nodeArgs ?? []), ...entry(options.mode, 'server')],
      { env, cwd: REPO_ROOT },
    );
    child = started;
    const url = `http://127.0.0.1:${port}`;
    await waitFor(
      `${options.name} to answer /readyz`,
      async () => {
        if (started.exited()) throw new Error(`${options.name} exited: ${started.stderrTail()}`);
        return fetch(`${url}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
      },
      60_000,
      50,
    );
    handle = createDatabase(target);
    const api = async <T>(route: string, init: { method?: string; body?: unknown } = {}) => {
      const response = await fetch(`${url}${route}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }).catch(async (err: unknown) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
        const why = started.exited()
          ? `${options.name} exited: ${started.stderrTail()}`
          : `${String(err)}${cause}`;
        throw new Error(`${route}: ${why}`);
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    };
    return {
      name: options.name,
      dialect: options.dialect,
      url,
      env,
      child: started,
      token,
      db: handle.db,
      api,
      cli,
      connect: async (apiUrl, apiKey) => {
        const r = await api<{ id: string; secretToken: string }>('/api/v1/connections/ashby', {
          method: 'POST',
          body: { apiKey, apiUrl, name: 'Bench' },
        });
        if (r.status !== 201) throw new Error(`connect failed: ${r.status} ${JSON.stringify(r.body)}`);
        return { connectionId: r.body.id, secretToken: r.body.secretToken };
      },
      startWorker: () => {
        const worker = spawnChild(process.execPath, [...entry(options.mode, 'cli'), 'worker'], {
          env,
          cwd: REPO_ROOT,
        });
        workers.push(worker);
        return worker;
      },
      dispose: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
