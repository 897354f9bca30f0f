import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../../src/config/config.js';
import {
  createDatabase,
  type DatabaseHandle,
  type Dialect,
} from '../../../src/db/dialects/create-database.js';
import type { Database } from '../../../src/db/tables/database.js';
import { createContainer } from '../../../src/main/container.js';
import { createLogger } from '../../../src/observability/logger.js';
import { freePort } from '../../support/free-port.js';
import { createTestTarget } from '../../support/test-databases.js';
import { HireBridgeProcess, waitUntilServing, waitUntilWorking } from './hirebridge-process.js';

/**
 * One HireBridge installation for a chaos scenario: a fresh database (SQLite file or PostgreSQL
 * database), a data directory, a fixed port (PUBLIC_URL must survive restarts) and a master key shared
 * by every process. Server and worker processes started through it are tracked and always killed by
 * `dispose()`, whatever the scenario did.
 */
export interface ChaosInstall {
  readonly dialect: Dialect;
  readonly url: string;
  /** The environment every HireBridge process of this installation gets. */
  readonly env: Record<string, string>;
  /** A handle for the test's own reads of the database. */
  readonly db: Kysely<Database>;
  readonly handle: DatabaseHandle;
  readonly adminToken: string;
  readonly inboxToken: string;
  readonly processes: readonly HireBridgeProcess[];
  /** Starts a server; give `PORT` in `extraEnv` for another web instance beside the first. */
  startServer(extraEnv?: Record<string, string>): Promise<HireBridgeProcess>;
  startWorker(extraEnv?: Record<string, string>): Promise<HireBridgeProcess>;
  /** Starts a process without waiting for it to be ready (for crash points reached at once). */
  spawn(role: 'server' | 'worker', extraEnv?: Record<string, string>): HireBridgeProcess;
  /** Connects an Ashby account through the running server's API (the server must be up). */
  connect(apiUrl: string, apiKey: string): Promise<{ connectionId: string; secretToken: string }>;
  /** Every process's output so far, concatenated (the canary scan reads it). */
  allOutput(): string;
  dispose(): Promise<void>;
}

export async function createChaosInstall(
  dialect: Dialect,
  env: Record<string, string> = {},
): Promise<ChaosInstall> {
  const { target, drop } = await createTestTarget(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-chaos-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const baseEnv: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    DATABASE_URL: target.dialect === 'sqlite' ? `sqlite:${target.file}` : target.url,
    HIREBRIDGE_SECRET_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    // Correctness, not the client-side limiter, is under test (the fault scenario lowers it itself).
    ASHBY_REQUESTS_PER_MINUTE: '60000',
    JOB_LEASE_SECONDS: '3',
    // Ashby, Slack and destinations are fakes on loopback here (the outbound address policy).
    ALLOW_PRIVATE_OUTBOUND: 'true',
    ...env,
  };

  // Migrate and make the API tokens in-process, as `hirebridge migrate` and `token create` would.
  const setup = createContainer(loadConfig(baseEnv), { logger: createLogger('silent') });
  let adminToken: string;
  let inboxToken: string;
  try {
    await setup.migrate();
    adminToken = (await setup.createApiToken({ name: 'chaos admin', role: 'admin' })).token;
    inboxToken = (await setup.createApiToken({ name: 'chaos inbox', role: 'inbox' })).token;
  } catch (err) {
    await setup.close();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  await setup.close();

  const handle = createDatabase(target, { poolSize: 2 });
  const processes: HireBridgeProcess[] = [];
  const track = (p: HireBridgeProcess) => {
    processes.push(p);
    return p;
  };

  return {
    dialect,
    url,
    env: baseEnv,
    db: handle.db,
    handle,
    adminToken,
    inboxToken,
    processes,
    startServer: async (extraEnv = {}) => {
      const server = track(new HireBridgeProcess('server', { ...baseEnv, ...extraEnv }));
      // A second web instance listens on its own PORT; PUBLIC_URL stays the installation's.
      const serverUrl = extraEnv['PORT'] ? `http://127.0.0.1:${extraEnv['PORT']}` : url;
      await waitUntilServing(server, serverUrl);
      // The health check answers for whoever holds the port; this installation's token proves it is ours.
      const ours = await fetch(`${serverUrl}/api/v1/jobs?limit=1`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      if (ours.status !== 200)
        throw new Error(
          `${serverUrl} answered its health check but not this installation's API token (${ours.status}): another process holds the port`,
        );
      return server;
    },
    startWorker: async (extraEnv = {}) => {
      const worker = track(new HireBridgeProcess('worker', { ...baseEnv, LOG_LEVEL: 'info', ...extraEnv }));
      await waitUntilWorking(worker);
      return worker;
    },
    spawn: (role, extraEnv = {}) => track(new HireBridgeProcess(role, { ...baseEnv, ...extraEnv })),
    connect: async (apiUrl, apiKey) => {
      const response = await fetch(`${url}/api/v1/connections/ashby`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey, apiUrl, name: 'Chaos' }),
      });
      const body = (await response.json()) as { id: string; secretToken: string };
      if (response.status !== 201)
        throw new Error(`connect failed: ${response.status} ${JSON.stringify(body)}`);
      return { connectionId: body.id, secretToken: body.secretToken };
    },
    allOutput: () => processes.map((p) => p.output).join('\n'),
    dispose: async () => {
      await Promise.all(processes.map((p) => p.kill()));
      await handle.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
