import type { Logger as PinoLogger } from 'pino';
import { authenticateToken } from '../app/authenticate-token.js';
import { checkReadiness } from '../app/check-readiness.js';
import { createApiToken } from '../app/create-api-token.js';
import { retryJob } from '../app/retry-job.js';
import type { Role } from '../core/auth/role.js';
import { notFound } from '../core/errors/app-error.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { Config } from '../config/config.js';
import { resolveSecretKey } from '../config/secret-key-file.js';
import { createDatabase, type DatabaseHandle } from '../db/dialects/create-database.js';
import { migrateToLatest } from '../db/migrations/migrator.js';
import type { HttpServices } from '../http/services.js';
import { createLogger } from '../observability/logger.js';
import { postgresEngine } from '../queue/engines/postgres-engine.js';
import { sqliteEngine } from '../queue/engines/sqlite-engine.js';
import type { QueueEngine } from '../queue/engines/queue-engine.js';
import { Worker } from '../queue/worker.js';
import { generateApiToken, hashApiToken } from '../security/api-token.js';
import { createSecretBox, type SecretBox } from '../security/secret-box.js';
import { productionJobs } from './production-jobs.js';
import { apiTokenStore, databaseHealth, jobAdmin } from './stores.js';
import { randomIds, systemClock } from './system-ports.js';

export interface ContainerOverrides {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly logger?: PinoLogger;
}

/**
 * The composition root: the one place that turns configuration into concrete objects and binds use
 * cases to them. The server, the worker and the CLI all start from here.
 */
export function createContainer(config: Config, overrides: ContainerOverrides = {}) {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const ids = overrides.ids ?? randomIds;
  const database: DatabaseHandle = createDatabase(config.database, {
    onIdleError: (err) => logger.warn({ err: err.message }, 'idle database connection failed; replaced'),
  });
  const { db } = database;
  const secretBox: SecretBox = createSecretBox(resolveSecretKey(config.secretKey, config.dataDir));
  const engine: QueueEngine = database.dialect === 'postgres' ? postgresEngine : sqliteEngine;
  const tokens = apiTokenStore(db, clock);
  const codec = { generate: generateApiToken, hash: hashApiToken };
  const jobs = jobAdmin(db, clock);

  const services: HttpServices = {
    authenticate: (authorization) => authenticateToken({ tokens, codec }, authorization),
    checkReadiness: () => checkReadiness({ database: databaseHealth(db) }),
    listJobs: (filter) => jobs.list(filter),
    getJob: async (id) => {
      const job = await jobs.find(id);
      if (!job) throw notFound('Job');
      return job;
    },
    retryJob: (id) => retryJob({ jobs }, id),
  };

  return {
    config,
    logger,
    clock,
    ids,
    database,
    secretBox,
    services,
    jobs,
    migrate: () => migrateToLatest(db),
    createApiToken: (input: { name: string; role: Role }) =>
      createApiToken({ tokens, codec, clock, ids }, input),
    listApiTokens: () => tokens.list(),
    revokeApiToken: (id: string) => tokens.revoke(id),
    createWorker: (
      options: { concurrency?: number; pollIntervalMs?: number; sweepIntervalMs?: number } = {},
    ) =>
      new Worker({
        db,
        engine,
        jobs: productionJobs(),
        clock,
        ids,
        logger,
        random: Math.random,
        concurrency: options.concurrency ?? config.workerConcurrency,
        leaseMs: config.jobLeaseMs,
        ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
        ...(options.sweepIntervalMs === undefined ? {} : { sweepIntervalMs: options.sweepIntervalMs }),
      }),
    close: () => database.close(),
  };
}

export type Container = ReturnType<typeof createContainer>;
