import type { Logger as PinoLogger } from 'pino';
import { checkReadiness } from '../app/check-readiness.js';
import { readOverview } from '../app/read-overview.js';
import { retryJob } from '../app/retry-job.js';
import type { Actor } from '../app/actor.js';
import type { Role } from '../core/auth/role.js';
import { notFound } from '../core/errors/app-error.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { PasswordHasher } from '../core/ports/password-hasher.js';
import type { Config } from '../config/config.js';
import { preparePrivateDataDir } from '../config/private-data-dir.js';
import { resolveSecretKey } from '../config/secret-key-file.js';
import { databaseClock } from '../db/database-clock.js';
import { guardedFetch, guardedUnlessTrusted } from '../connectors/kit/guarded-fetch.js';
import { DEFAULT_ASHBY_API_URL } from '../core/model/ashby-connection.js';
import { checkOutboundUrl, outboundPolicy } from '../connectors/kit/outbound-policy.js';
import { createDatabase, type DatabaseHandle } from '../db/dialects/create-database.js';
import { migrateToLatest } from '../db/migrations/migrator.js';
import { databaseHealth } from '../db/stores/api-token-store.js';
import { overviewStore } from '../db/stores/overview-store.js';
import { learnSensitiveKeys } from '../db/stores/personal-data-reseal.js';
import type { HttpServices } from '../http/services.js';
import { createLogger } from '../observability/logger.js';
import { createMetrics } from '../observability/metrics.js';
import { readMetricsFigures } from '../db/repositories/metrics.repository.js';
import { postgresEngine } from '../queue/engines/postgres-engine.js';
import { sqliteEngine } from '../queue/engines/sqlite-engine.js';
import { jobAdmin } from '../queue/job-admin.js';
import { workerWakeups } from '../queue/wakeups.js';
import { Worker } from '../queue/worker.js';
import { createPersonalDataSeal } from '../security/personal-data-seal.js';
import { createSecretBox } from '../security/secret-box.js';
import { withInviteEmails } from '../app/email-invite.js';
import { accountsWiring } from './accounts-wiring.js';
import { crashPointFor } from './crash-point.js';
import { destinationsWiring } from './destinations-wiring.js';
import { documentsWiring } from './documents-wiring.js';
import { inboxWiring } from './inbox-wiring.js';
import { adminUnits, inboxStore, type JobsOn } from '../db/stores/units-of-work.js';
import { jobCatalog } from '../jobs/catalog.js';
import { jobQueueOn } from '../queue/job-queue.js';
import { intakeWiring } from './intake-wiring.js';
import { notificationsWiring } from './notifications-wiring.js';
import { openingsWiring } from './openings-wiring.js';
import type { Shared } from './shared.js';
import { randomIds, systemClock } from './system-ports.js';
import { workerJobs } from './worker-jobs.js';

export interface ContainerOverrides {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly logger?: PinoLogger;
  /** The fetch used for every outbound call (tests may count or fault it). */
  readonly fetch?: typeof fetch;
  /** The password hasher (argon2id by default; tests may count its calls). */
  readonly passwords?: PasswordHasher;
}

/**
 * The composition root: turns configuration into concrete objects and plugs in each feature's wiring
 * (intake, inbox and directory, documents, notifications, accounts, positions and openings). The server, the worker and the
 * CLI all start from here.
 */
export function createContainer(config: Config, overrides: ContainerOverrides = {}) {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const ids = overrides.ids ?? randomIds;
  const sqliteFile = config.database.dialect === 'sqlite' ? config.database.file : undefined;
  preparePrivateDataDir(config.dataDir, sqliteFile, logger);
  const database: DatabaseHandle = createDatabase(config.database, {
    checkpointIntervalMs: 1_000,
    syncOffEventLoop: true,
    poolSize: config.databasePoolSize,
    onIdleError: (err) => logger.warn({ err: err.message }, 'idle database connection failed; replaced'),
  });
  const { db } = database;
  // On PostgreSQL several hosts share the queue, so leases and run_at follow the database server's
  // clock (db/database-clock.ts). A clock given by a test is used as it is.
  const dbClock =
    database.dialect === 'postgres' && !overrides.clock ? databaseClock(db, systemClock) : undefined;
  const clock = overrides.clock ?? dbClock ?? systemClock;
  const secretKey = resolveSecretKey(config.secretKey, config.dataDir);
  const secretBox = createSecretBox(secretKey);
  const seal = createPersonalDataSeal(secretBox);
  // Workers in this process are woken at once after an enqueue commits, instead of at their next poll.
  const wakeups = workerWakeups({
    db,
    logger,
    postgresUrl: config.database.dialect === 'postgres' ? config.database.url : undefined,
  });
  const wakeWorkers = wakeups.jobsQueued;
  const jobsOn: JobsOn = (handle, hooks) =>
    jobQueueOn(handle, { clock, ids, catalog: jobCatalog, afterCommit: hooks.afterCommit, wakeWorkers });
  const emailEnabled = config.documents.smtp !== undefined;
  const admin = { units: adminUnits(db, { jobsOn, secretBox, clock, ids }), clock, ids };
  const fetchFn = overrides.fetch ?? fetch;
  const metrics = createMetrics();
  const policy = outboundPolicy(config.destinations.allowPrivateOutbound);
  const pinned = guardedFetch(policy);
  const outbound = {
    checkUrl: async (url: string, field: string) => void (await checkOutboundUrl(policy, url, field)),
    guardedFetch: pinned,
    // A custom Ashby API URL is admin-typed: its calls connect only to checked addresses, like the
    // destinations'; Ashby's own API keeps plain fetch. A test's own fetch (counting or faulting
    // calls) takes the place of both.
    ashbyFetch: overrides.fetch ?? guardedUnlessTrusted([DEFAULT_ASHBY_API_URL], pinned, fetch),
  };
  const shared: Shared = {
    config,
    db,
    clock,
    ids,
    logger,
    secretBox,
    seal,
    fetch: fetchFn,
    jobsOn,
    wakeWorkers,
    emailEnabled,
    admin,
    outbound,
    outboundCalls: metrics.outboundCalls,
  };

  const inbox = inboxStore(db, { jobsOn, emailEnabled, ids, seal });
  const accounts = accountsWiring(shared, overrides.passwords);
  // A no-op unless HIREBRIDGE_CRASH_POINT (testing only) arms one.
  const crashPoint = crashPointFor(config.crashPoint);
  const intake = intakeWiring(shared, { inbox, crashPoint, dialect: database.dialect });
  const inboxFeature = inboxWiring(inbox, intake);
  const { connections, fileUrlFor } = intake;
  const documents = documentsWiring(shared, { inbox, connections, fileUrlFor });
  const notifications = notificationsWiring(shared, {
    inbox,
    connections,
    users: accounts.users,
    pendingImports: (connectionId) => intake.imports.pendingImports(connectionId),
  });
  const openings = openingsWiring(shared, {
    inbox,
    crashPoint,
    openingsFor: async (connectionId) => (await intake.sourceOf(connectionId))?.openings,
  });
  const [{ blobs }, { users }, { mailer }] = [documents, accounts, notifications];
  const destinations = destinationsWiring(shared, { inbox, blobs, users, mailer, crashPoint, secretKey });
  const jobs = jobAdmin(db, clock);

  const services: HttpServices = {
    publicUrl: config.publicUrl,
    renderMetrics: () => metrics.render({ read: () => readMetricsFigures(db) }, clock.now()),
    authenticate: accounts.authenticate,
    auth: accounts.auth,
    accountSecurity: accounts.accountSecurity,
    checkReadiness: () => checkReadiness({ database: databaseHealth(db) }),
    listJobs: (filter) => jobs.list(filter),
    getJob: async (id) => (await jobs.find(id)) ?? Promise.reject(notFound('Job')),
    retryJob: (id) => retryJob({ jobs }, id),
    backfillAshby: ({ actor, ...input }) => intake.trackedBackfill({ ...input, actor: actor ?? 'api' }),
    readOverview: () => readOverview({ overview: overviewStore(db, database.dialect), clock }),
    ...intake.services,
    connectAshby: async (input) => {
      if (input.connectedByUserId !== undefined)
        await notifications.checkConnectingUser(input.connectedByUserId);
      return intake.services.connectAshby(input);
    },
    ...inboxFeature.services,
    documents: documents.services,
    people: {
      ...accounts.people,
      ...notifications.services,
      ...withInviteEmails(accounts.people, {
        mailer: notifications.mailer,
        findUser: (id) => accounts.users.find(id),
        log: (problem) => logger.warn({ problem }, 'invite email not sent'),
      }),
    },
    openings: openings.services,
    destinations: destinations.services,
    erasure: destinations.erasure,
  };

  return {
    config,
    logger,
    clock,
    ids,
    database,
    secretBox,
    seal,
    services,
    jobs,
    /** Migrates, then measures the database clock: every start-up and CLI command runs this first. */
    migrate: async () => {
      const applied = await migrateToLatest(db, seal);
      // What every stored mapping marks sensitive is sealed from the first write of this process on.
      await learnSensitiveKeys(db, seal);
      await dbClock?.sync();
      return applied;
    },
    backfillAshby: intake.backfillAshby,
    pendingImports: (connectionId: string) => intake.imports.pendingImports(connectionId),
    reconcileAshby: intake.reconcileAshby,
    /** At server start: every connection has a reconciliation waiting, and an opening sync when it is on. */
    scheduleReconciles: async () => {
      await intake.scheduleReconciles();
      await openings.scheduleAll();
    },
    openings,
    /** A fresh first-run setup link (earlier ones stop working), or undefined once a user has a password. */
    createSetupLink: accounts.createSetupLink,
    createApiToken: (input: { name: string; role: Role }, actor: Actor = 'cli') =>
      accounts.createApiToken(input, actor),
    importMembers: inboxFeature.importMembers,
    restoreNewHire: inboxFeature.restoreNewHire,
    inboxDeps: intake.inboxDeps,
    listApiTokens: () => accounts.tokens.list(),
    revokeApiToken: (id: string, actor: Actor = 'cli') => accounts.revokeApiToken(id, actor),
    /** Deactivates or reactivates a user (the CLI's `users deactivate|reactivate`), audited. */
    setUserActive: (userId: string, active: boolean, actor: Actor = 'cli') =>
      accounts.setUserActive(userId, active, actor),
    createResetLink: (userId: string, actor: Actor = 'cli') => accounts.createResetLink(userId, actor),
    createWorker: (
      options: { concurrency?: number; pollIntervalMs?: number; sweepIntervalMs?: number } = {},
    ) => {
      const worker = new Worker({
        db,
        engine: database.dialect === 'postgres' ? postgresEngine : sqliteEngine,
        jobs: workerJobs(intake, documents, notifications, openings, destinations),
        clock,
        ids,
        logger,
        random: Math.random,
        concurrency: options.concurrency ?? config.workerConcurrency,
        leaseMs: config.jobLeaseMs,
        retentionMs: config.jobRetentionMs,
        observer: metrics.jobs,
        pollIntervalMs: options.pollIntervalMs ?? wakeups.pollIntervalMs,
        ...(options.sweepIntervalMs === undefined ? {} : { sweepIntervalMs: options.sweepIntervalMs }),
      });
      wakeups.add(worker);
      return worker;
    },
    close: async () => {
      dbClock?.stop();
      await wakeups.close();
      await database.close();
    },
  };
}

export type Container = ReturnType<typeof createContainer>;
