import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../../src/config/config.js';
import type { Dialect } from '../../../src/db/dialects/create-database.js';
import { buildHttpApp } from '../../../src/http/build-app.js';
import { createContainer, type Container } from '../../../src/main/container.js';
import { createLogger } from '../../../src/observability/logger.js';
import { createTestTarget } from '../../support/test-databases.js';

/**
 * HireBridge's real HTTP app and container on a fresh database, without listening: requests go through
 * `app.inject()`, fast enough for tens of thousands of hostile requests. No worker runs.
 */
export interface InProcessApp {
  readonly app: FastifyInstance;
  readonly container: Container;
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

export async function startInProcessApp(
  dialect: Dialect,
  env: Record<string, string> = {},
): Promise<InProcessApp> {
  const { target, drop } = await createTestTarget(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-inproc-'));
  const fullEnv = {
    DATA_DIR: dataDir,
    DATABASE_URL: target.dialect === 'sqlite' ? `sqlite:${target.file}` : target.url,
    HIREBRIDGE_SECRET_KEY: randomBytes(32).toString('hex'),
    RUN_WORKER: 'false',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://127.0.0.1:9',
    // Ashby, Slack and destinations are fakes on loopback here (the outbound address policy).
    ALLOW_PRIVATE_OUTBOUND: 'true',
    ...env,
  };
  const config = loadConfig(fullEnv);
  const logger = createLogger(config.logLevel);
  const container = createContainer(config, { logger });
  let app: FastifyInstance;
  try {
    await container.migrate();
    app = await buildHttpApp({ services: container.services, logger });
    await app.ready();
  } catch (err) {
    await container.close();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    app,
    container,
    env: fullEnv,
    close: async () => {
      await app.close();
      await container.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
