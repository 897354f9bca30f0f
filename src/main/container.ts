import { randomBytes } from 'node:crypto';
import type { Logger as PinoLogger } from 'pino';
import { authenticateToken } from '../app/authenticate-token.js';
import { checkReadiness } from '../app/check-readiness.js';
import { backfillAshby, type BackfillProgress } from '../app/backfill-ashby.js';
import { connectAshby, reconnectAshby } from '../app/connect-ashby.js';
import { createApiToken } from '../app/create-api-token.js';
import { ingestAshbyDelivery } from '../app/ingest-ashby-delivery.js';
import { actorOf, type Actor, type RecordAudit } from '../app/actor.js';
import { addMember } from '../app/add-member.js';
import type { MemberUpdate } from '../core/model/member.js';
import { decideMemberUpdate } from '../app/decide-member-update.js';
import { deleteNewHire, restoreNewHire } from '../app/delete-new-hire.js';
import { editNewHire } from '../app/edit-new-hire.js';
import { currentMapping } from '../app/current-mapping.js';
import { getMapping } from '../app/get-mapping.js';
import { replayDelivery } from '../app/replay-delivery.js';
import { getNewHire } from '../app/get-new-hire.js';
import type { ImportDeps } from '../app/import-application.js';
import { importMembers } from '../app/import-members.js';
import { reconcileAshby, type ReconcileDeps } from '../app/reconcile-ashby.js';
import type { InboxDeps } from '../app/inbox-deps.js';
import { listAshbyFields } from '../app/list-ashby-fields.js';
import type { MappingDeps } from '../app/mapping-deps.js';
import { previewMapping } from '../app/preview-mapping.js';
import { reimportNewHire } from '../app/reimport-new-hire.js';
import { saveMapping } from '../app/save-mapping.js';
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
import { ashbyConnectionStore, intakeConnections, openApiKey } from './adapters/ashby-connection-store.js';
import { createAshbyGateways } from './adapters/ashby-gateway.js';
import { ashbyWebhookCodec } from './adapters/ashby-webhook-codec.js';
import { deliveryIntake } from './adapters/delivery-intake.js';
import { deliveryById, deliveryLog } from './adapters/delivery-log.js';
import { importQueue } from './adapters/import-queue.js';
import { apiTokenStore, databaseHealth, jobAdmin } from './adapters/foundation-stores.js';
import { inboxStore } from './adapters/inbox-store.js';
import { mappingStore } from './adapters/mapping-store.js';
import { ashbySyncStore, reconcileSchedule } from './adapters/reconcile-store.js';
import { crashPointFor } from './crash-point.js';
import { createPeopleWiring } from './people-wiring.js';
import { positionFill } from '../db/repositories/position.repository.js';
import { createOpeningsWiring } from './openings-wiring.js';
import { productionJobs } from './production-jobs.js';
import { createSignInWiring } from './sign-in-wiring.js';
import { randomIds, systemClock } from './system-ports.js';

export interface ContainerOverrides {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly logger?: PinoLogger;
  /** The fetch used for every outbound call (tests may count or fault it). */
  readonly fetch?: typeof fetch;
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
  // A no-op unless HIREBRIDGE_CRASH_POINT (testing only) arms one.
  const crashPoint = crashPointFor(config.crashPoint);
  const tokens = apiTokenStore(db, clock);
  const codec = { generate: generateApiToken, hash: hashApiToken };
  const jobs = jobAdmin(db, clock);
  const connections = ashbyConnectionStore(db, secretBox);
  // Documents, users and notifications (issue 6); their in-transaction parts join the inbox store.
  const people = createPeopleWiring({
    config,
    db,
    clock,
    ids,
    logger,
    secretBox,
    fetch: overrides.fetch ?? fetch,
  });
  const inbox = inboxStore(db, (handle) => ({ ...people.extras(handle), positions: positionFill(handle) }));
  const mappings = mappingStore(db);
  const gateways = createAshbyGateways({
    fetch: overrides.fetch ?? fetch,
    clock,
    logger,
    requestsPerMinute: config.ashbyRequestsPerMinute,
    timeoutMs: config.ashbyTimeoutMs,
  });
  // Workers in this process are woken at once after an enqueue, instead of at their next poll.
  const workers = new Set<Worker>();
  const wakeWorkers = () => workers.forEach((w) => w.wake());

  const imports = importQueue(db, clock, ids, wakeWorkers);
  const inboxDeps: InboxDeps = {
    inbox,
    mappingFor: (connectionId) => currentMapping(mappings, connectionId),
    clock,
    ids,
  };
  const importDeps: ImportDeps = {
    ...inboxDeps,
    gatewayFor: async (connectionId) => {
      const key = await openApiKey(db, secretBox, connectionId);
      return key && gateways.forKey(key.apiUrl, key.apiKey);
    },
    crashPoint,
  };
  const reconcileDeps: ReconcileDeps = {
    gatewayFor: importDeps.gatewayFor,
    syncStore: ashbySyncStore(db, clock),
    queue: imports,
    clock,
  };
  const reconciles = reconcileSchedule(db, clock, ids, wakeWorkers);
  const mappingDeps: MappingDeps = {
    mappings,
    connections,
    gatewayFor: importDeps.gatewayFor,
    inbox,
    clock,
    ids,
  };
  const audit: RecordAudit = (actor, action, targetType, targetId, details = {}) =>
    inbox.transaction((data) =>
      data.audit({ id: ids.newId(), at: clock.now(), actor, action, targetType, targetId, details }),
    );
  // Positions and their opening sync to Ashby (C10).
  const openings = createOpeningsWiring({
    db,
    clock,
    ids,
    crashPoint,
    intervalMs: config.openingSyncIntervalMs,
    openingsFor: async (connectionId) => {
      const key = await openApiKey(db, secretBox, connectionId);
      return key && gateways.openingsFor(key.apiUrl, key.apiKey);
    },
    audit,
    inbox,
    wakeWorkers,
  });
  // Sign-in (issue 7): sessions, setup and invite links, the login throttle.
  const signIn = createSignInWiring({ db, clock, ids, publicUrl: config.publicUrl, audit });
  const ingestDeps = {
    connections: intakeConnections(db, secretBox, () => clock.now()),
    codec: ashbyWebhookCodec,
    // Group commit on SQLite only: PostgreSQL commits concurrent transactions together itself.
    intake: deliveryIntake(db, clock, ids, wakeWorkers, { groupCommit: database.dialect === 'sqlite' }),
    clock,
    ids,
    crashPoint,
  };
  const connectDeps = {
    gatewayForKey: gateways.forKey,
    connections,
    newSecretToken: () => randomBytes(32).toString('hex'),
    publicUrl: config.publicUrl,
    clock,
    ids,
  };

  const services: HttpServices = {
    publicUrl: config.publicUrl,
    authenticate: (authorization) => authenticateToken({ tokens, codec }, authorization),
    auth: signIn.services,
    checkReadiness: () => checkReadiness({ database: databaseHealth(db) }),
    listJobs: (filter) => jobs.list(filter),
    getJob: async (id) => (await jobs.find(id)) ?? Promise.reject(notFound('Job')),
    retryJob: (id) => retryJob({ jobs }, id),
    ingestAshbyDelivery: (input) => ingestAshbyDelivery(ingestDeps, input),
    connectAshby: async ({ connectedByUserId, ...input }) => {
      if (connectedByUserId !== undefined) await people.checkConnectingUser(connectedByUserId);
      const result = await connectAshby(connectDeps, input);
      // The admin who connected is the default recipient of the connection's new-hire notifications.
      if (connectedByUserId !== undefined)
        await people.recordConnectedBy(result.connection.id, connectedByUserId);
      await audit(input.actor, 'connection.connect', 'connection', result.connection.id, {
        apiUrl: result.connection.apiUrl,
      });
      // The first reconciliation records where Ashby stands now; later ones catch lost webhooks.
      await reconciles.schedule(result.connection.id, clock.now());
      return result;
    },
    reconnectAshby: async ({ actor, ...input }) => {
      const result = await reconnectAshby(connectDeps, input);
      await audit(actor, 'connection.reconnect', 'connection', result.id);
      return result;
    },
    listConnections: () => connections.list(),
    getConnection: async (id) => (await connections.find(id)) ?? Promise.reject(notFound('Ashby connection')),
    listNewHires: (filter) => inbox.read((data) => data.listNewHires(filter)),
    getNewHire: (id) => getNewHire(inboxDeps, id),
    editNewHire: ({ principal, ...input }) => editNewHire(inboxDeps, { ...input, actor: actorOf(principal) }),
    addMember: ({ principal, ...input }) => addMember(inboxDeps, { ...input, actor: actorOf(principal) }),
    deleteNewHire: ({ principal, ...input }) =>
      deleteNewHire(inboxDeps, { ...input, actor: actorOf(principal) }),
    listMembers: (filter) => inbox.read((data) => data.searchMembers(filter)),
    pendingMemberUpdates: (memberIds) =>
      inbox.read(async (data) => {
        const pending = new Map<string, MemberUpdate[]>();
        for (const update of await data.pendingMemberUpdates(memberIds))
          pending.set(update.memberId, [...(pending.get(update.memberId) ?? []), update]);
        return pending;
      }),
    getMember: (id) =>
      inbox.read(async (data) => {
        const member = await data.findMember(id);
        if (!member) throw notFound('Member');
        return { member, updates: await data.memberUpdates(id) };
      }),
    decideMemberUpdate: ({ principal, ...input }) =>
      decideMemberUpdate(inboxDeps, { ...input, actor: actorOf(principal) }),
    listAudit: (filter) => inbox.read((data) => data.listAudit(filter)),
    listDeliveries: (filter) => deliveryLog(db, filter),
    replayDelivery: async ({ deliveryId, principal }) => {
      const result = await replayDelivery(
        { findDelivery: (id) => deliveryById(db, id), queue: imports },
        deliveryId,
      );
      await audit(actorOf(principal), 'delivery.replay', 'delivery', deliveryId, {
        applicationId: result.delivery.applicationId,
      });
      return result;
    },
    revealWebhookSecret: async ({ connectionId, principal }) => {
      const secret = await ingestDeps.connections.webhookSecret(connectionId);
      if (secret === undefined) throw notFound('Ashby connection');
      await audit(actorOf(principal), 'connection.secret.view', 'connection', connectionId);
      return secret;
    },
    getMapping: (connectionId) => getMapping(mappingDeps, connectionId),
    saveMapping: (input) => saveMapping(mappingDeps, input),
    listAshbyFields: (input) => listAshbyFields(mappingDeps, input),
    previewMapping: (input) => previewMapping(mappingDeps, input),
    reimportNewHire: ({ principal, ...input }) =>
      reimportNewHire(importDeps, { ...input, actor: actorOf(principal) }),
    ...people.services({ inbox, connections, audit, accounts: signIn.accounts }),
    openings: openings.services,
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
    importDeps,
    gateways,
    migrate: () => migrateToLatest(db),
    backfillAshby: (
      input: { connectionId: string; since: number | null },
      onProgress?: (p: BackfillProgress) => void,
    ) => backfillAshby({ gatewayFor: importDeps.gatewayFor, queue: imports }, input, onProgress),
    pendingImports: (connectionId: string) => imports.pendingImports(connectionId),
    /** Reconciles one connection now (the `ashby reconcile` command); undefined when it does not exist. */
    reconcileAshby: (connectionId: string) => reconcileAshby(reconcileDeps, { connectionId }),
    /** Makes sure every connection has a reconciliation waiting (at server start; a no-op when one waits). */
    scheduleReconciles: async () => {
      for (const connection of await connections.list())
        await reconciles.schedule(connection.id, clock.now());
      await openings.scheduleAll();
    },
    openings,
    /** A fresh first-run setup link (earlier ones stop working), or undefined once a user has a password. */
    createSetupLink: signIn.createSetupLink,
    createApiToken: async (input: { name: string; role: Role }, actor: Actor = 'cli') => {
      const created = await createApiToken({ tokens, codec, clock, ids }, input);
      await audit(actor, 'token.create', 'api_token', created.id, { role: created.role });
      return created;
    },
    importMembers: (csv: string, actor: Actor = 'cli') => importMembers(inboxDeps, { csv, actor }),
    restoreNewHire: async (newHireId: string, actor: Actor = 'cli') => {
      const target = await restoreNewHire(inboxDeps, { newHireId, actor });
      await imports.enqueueImports(target.connectionId, [target.applicationId]);
      return target;
    },
    inboxDeps,
    listApiTokens: () => tokens.list(),
    revokeApiToken: (id: string) => tokens.revoke(id),
    createWorker: (
      options: { concurrency?: number; pollIntervalMs?: number; sweepIntervalMs?: number } = {},
    ) => {
      const worker = new Worker({
        db,
        engine,
        jobs: [
          ...productionJobs({
            importApplication: importDeps,
            reconcileAshby: {
              ...reconcileDeps,
              schedule: reconciles,
              intervalMs: config.reconcileIntervalMs,
            },
          }),
          ...openings.jobs(),
          ...people.jobs({
            inbox,
            connections,
            fileUrlFor: async (connectionId, fileHandle) => {
              const key = await openApiKey(db, secretBox, connectionId);
              return key && gateways.fileUrl(key.apiUrl, key.apiKey, fileHandle);
            },
          }),
        ],
        clock,
        ids,
        logger,
        random: Math.random,
        concurrency: options.concurrency ?? config.workerConcurrency,
        leaseMs: config.jobLeaseMs,
        ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
        ...(options.sweepIntervalMs === undefined ? {} : { sweepIntervalMs: options.sweepIntervalMs }),
      });
      workers.add(worker);
      return worker;
    },
    close: () => database.close(),
  };
}

export type Container = ReturnType<typeof createContainer>;
