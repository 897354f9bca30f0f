import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { Dialect } from '../../src/db/dialects/create-database.js';
import { createLogger } from '../../src/observability/logger.js';
import type { ContainerOverrides } from '../../src/main/container.js';
import { startServer, type RunningServer } from '../../src/main/start-server.js';
import { freePort } from './free-port.js';
import { createTestTarget } from './test-databases.js';

export interface TestServer extends RunningServer {
  readonly config: Config;
  readonly env: Record<string, string>;
  /** Stops the server and removes its database and data directory. */
  dispose(): Promise<void>;
  /** An API token of the given role. */
  token(role: 'admin' | 'inbox'): Promise<string>;
}

/**
 * A real HireBridge on a fresh database, listening on 127.0.0.1 with an ephemeral port. `env` holds the
 * same settings as environment variables, for child processes (CLI) that must reach the same database.
 */
export async function startTestServer(
  dialect: Dialect,
  extraEnv: Record<string, string> = {},
  overrides: ContainerOverrides = {},
): Promise<TestServer> {
  const { target, drop } = await createTestTarget(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-data-'));
  // The port is fixed before start so PUBLIC_URL (given to Ashby as the webhook URL) is right.
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DATABASE_URL: target.dialect === 'sqlite' ? `sqlite:${target.file}` : target.url,
    RUN_WORKER: 'false',
    LOG_LEVEL: 'silent',
    // Ashby, Slack and destinations are fakes on loopback here (the outbound address policy).
    ALLOW_PRIVATE_OUTBOUND: 'true',
    ...extraEnv,
  };
  const config = loadConfig(env);
  // The setup link is read from server.setupUrl, not printed into the test output.
  const server = await startServer(
    config,
    { ...overrides, logger: overrides.logger ?? createLogger(config.logLevel) },
    { printSetupLink: false },
  );
  return {
    ...server,
    config,
    env,
    token: async (role) => (await server.container.createApiToken({ name: `test ${role}`, role })).token,
    dispose: async () => {
      await server.stop(1_000);
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
