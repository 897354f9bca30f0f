import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { actorOf, type Actor } from '../app/actor.js';
import { replayDeliveryAudited, revealWebhookSecretAudited } from '../app/admin-actions.js';
import { backfillAshby, type BackfillInput, type BackfillProgress } from '../app/backfill-ashby.js';
import { connectAshby, reconnectAshby } from '../app/connect-ashby.js';
import { currentMapping } from '../app/current-mapping.js';
import { exportDeliveriesCsv, readDeliveryLog } from '../app/delivery-log-page.js';
import { getMapping } from '../app/get-mapping.js';
import type { ImportDeps } from '../app/import-application.js';
import type { InboxDeps } from '../app/inbox-deps.js';
import { ingestAshbyDelivery, type IngestDeps } from '../app/ingest-ashby-delivery.js';
import { listAshbyFields } from '../app/list-ashby-fields.js';
import type { MappingDeps } from '../app/mapping-deps.js';
import { previewMapping } from '../app/preview-mapping.js';
import { backfillStatus, trackedBackfill } from '../app/backfill-progress.js';
import { syncAshbyNow } from '../app/sync-ashby-now.js';
import { backfillRunStore } from '../db/stores/backfill-run-store.js';
import { previewReapplyMapping, reapplyMapping } from '../app/reapply-mapping.js';
import { importQueue, reconcileSchedule } from '../app/queue-imports.js';
import { reconcileAshby, type ReconcileDeps } from '../app/reconcile-ashby.js';
import { recordCandidateDelivery, recordDelivery } from '../app/record-delivery.js';
import { saveMapping } from '../app/save-mapping.js';
import { ashbyWebhookCodec } from '../connectors/ashby/index.js';
import { ashbySources } from '../connectors/ashby/sources.js';
import { connectorRegistry } from '../connectors/registry.js';
import { notFound } from '../core/errors/app-error.js';
import type { CrashPoint } from '../core/ports/crash-point.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import { ashbyConnectionStore, intakeConnections, openApiKey } from '../db/stores/ashby-connection-store.js';
import { ashbySyncStore } from '../db/stores/ashby-sync-store.js';
import { deliveryLog } from '../db/stores/delivery-store.js';
import { mappingStore } from '../db/stores/mapping-store.js';
import { sharedRateLimits } from '../db/stores/rate-limit-store.js';
import type { HttpServices } from '../http/services.js';
import { candidateEventHandler } from '../jobs/candidate-event.job.js';
import { importApplicationHandler } from '../jobs/import-application.job.js';
import { reconcileAshbyHandler } from '../jobs/reconcile-ashby.job.js';
import { countWaitingJobs } from '../queue/job-admin.js';
import { jobQueues } from '../db/stores/units-of-work.js';
import type { Shared } from './shared.js';
import type { Clock } from '../core/ports/clock.js';
import type { DeliveryIntake } from '../core/ports/delivery-intake.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import { deliveryTouches, intakeData } from '../db/stores/delivery-store.js';
import { postgresDeliveryIntake } from '../db/stores/delivery-intake-postgres.js';
import type { Dialect } from '../db/dialects/create-database.js';
import { newJobRow } from '../queue/enqueue.js';
import type { Database } from '../db/tables/database.js';
import { groupCommitTransactor, transactor, type TransactionHooks } from '../db/transactor.js';
import { jobCatalog } from '../jobs/catalog.js';
import { jobQueueOn } from '../queue/job-queue.js';

/**
 * The webhook intake's store-then-ack: app/record-delivery.ts in one transaction per delivery, with
 * `groupCommit` (SQLite) in one shared commit per burst (see db/transactor.ts); on PostgreSQL as one
 * statement per delivery (db/stores/delivery-intake-postgres.ts).
 */
export function deliveryIntake(
  db: Kysely<Database>,
  clock: Clock,
  ids: IdGenerator,
  wakeWorkers: () => void,
  options: { readonly dialect: Dialect },
): DeliveryIntake {
  const touches = deliveryTouches();
  const bind = (handle: Kysely<Database>, hooks: TransactionHooks) =>
    intakeData(
      handle,
      jobQueueOn(handle, { clock, ids, catalog: jobCatalog, afterCommit: hooks.afterCommit, wakeWorkers }),
      touches,
    );
  const units = options.dialect === 'sqlite' ? groupCommitTransactor(db, bind) : transactor(db, bind);
  const inTransaction: DeliveryIntake = {
    record: async (delivery, importApplication) => ({
      duplicate: !(await units.transaction((data) => recordDelivery(data, delivery, importApplication))),
    }),
    recordCandidateEvent: async (delivery, event) => ({
      duplicate: !(await units.transaction((data) => recordCandidateDelivery(data, delivery, event))),
    }),
  };
  if (options.dialect === 'sqlite') return inTransaction;
  const importKind = jobCatalog['ashby.application.import'];
  return postgresDeliveryIntake(db, {
    importJob: (connectionId, applicationId) => {
      const payload = { connectionId, applicationId };
      return newJobRow({ clock, ids }, importKind, payload, { uniqueKey: importKind.uniqueKey(payload) });
    },
    touches,
    inTransaction,
    wakeWorkers,
  });
}

/**
 * Intake: Ashby connections and their sources, the webhook intake, the delivery log and replay,
 * backfill and reconciliation, the field mapping, and the import job's dependencies.
 */
export function intakeWiring(
  shared: Shared,
  deps: { inbox: InboxStore; crashPoint: CrashPoint; dialect: Dialect },
) {
  const { config, db, clock, ids, logger, secretBox, jobsOn, admin } = shared;
  const { inbox, crashPoint } = deps;
  const connections = ashbyConnectionStore(db, secretBox);
  const sourceFor = ashbySources(connectorRegistry.ashby, {
    fetch: shared.outbound.ashbyFetch,
    clock,
    logger,
    requestsPerMinute: config.ashbyRequestsPerMinute,
    timeoutMs: config.ashbyTimeoutMs,
    observer: shared.outboundCalls,
    // Instances on several hosts share PostgreSQL; SQLite is one host, where an fsync per call would cost.
    ...(config.database.dialect === 'postgres' ? { shared: sharedRateLimits(db) } : {}),
  });
  const sourceOf = async (connectionId: string) => {
    const key = await openApiKey(db, secretBox, connectionId);
    return key && sourceFor(key.apiUrl, key.apiKey);
  };
  const mappings = mappingStore(db, shared.seal);
  const inboxDeps: InboxDeps = {
    inbox,
    mappingFor: (connectionId) => currentMapping(mappings, connectionId),
    clock,
    ids,
  };
  const importDeps: ImportDeps = { ...inboxDeps, gatewayFor: sourceOf, crashPoint };
  const importKind = jobCatalog['ashby.application.import'];
  const imports = importQueue({
    jobs: jobQueues(db, jobsOn),
    pendingImports: (connectionId) =>
      countWaitingJobs(db, importKind.kind, importKind.uniqueKey({ connectionId, applicationId: '' })),
  });
  const schedule = reconcileSchedule(jobsOn(db, { afterCommit: (fn) => fn() }));
  const reconcileDeps: ReconcileDeps = {
    gatewayFor: sourceOf,
    syncStore: ashbySyncStore(db, clock),
    queue: imports,
    clock,
  };
  const backfillRuns = backfillRunStore(db);
  const mappingDeps: MappingDeps = { mappings, connections, gatewayFor: sourceOf, inbox, clock, ids };
  const intakeConnectionsCache = intakeConnections(db, secretBox, () => clock.now());
  const ingestDeps: IngestDeps = {
    connections: intakeConnectionsCache,
    codec: ashbyWebhookCodec,
    intake: deliveryIntake(db, clock, ids, shared.wakeWorkers, { dialect: deps.dialect }),
    clock,
    ids,
    crashPoint,
  };
  const connectDeps = {
    ...admin,
    gatewayForKey: sourceFor,
    connections,
    newSecretToken: () => randomBytes(32).toString('hex'),
    publicUrl: config.publicUrl,
    checkUrl: shared.outbound.checkUrl,
  };
  const deliveries = deliveryLog(db);

  const services = {
    ingestAshbyDelivery: (input) => ingestAshbyDelivery(ingestDeps, input),
    connectAshby: (input) => connectAshby(connectDeps, input),
    reconnectAshby: (input) => reconnectAshby(connectDeps, input),
    listConnections: () => connections.list(),
    getConnection: async (id) => (await connections.find(id)) ?? Promise.reject(notFound('Ashby connection')),
    readDeliveryLog: (query) => readDeliveryLog({ deliveries }, query),
    exportDeliveriesCsv: (query) => exportDeliveriesCsv({ deliveries }, query),
    replayDelivery: ({ deliveryId, principal }) =>
      replayDeliveryAudited(
        { ...admin, findDelivery: (id) => deliveries.find(id) },
        deliveryId,
        actorOf(principal),
      ),
    revealWebhookSecret: ({ connectionId, principal }) =>
      revealWebhookSecretAudited(
        { ...admin, webhookSecret: (id) => intakeConnectionsCache.webhookSecret(id) },
        connectionId,
        actorOf(principal),
      ),
    getMapping: (connectionId) => getMapping(mappingDeps, connectionId),
    saveMapping: (input) => saveMapping(mappingDeps, input),
    listAshbyFields: (input) => listAshbyFields(mappingDeps, input),
    previewMapping: (input) => previewMapping(mappingDeps, input),
    previewReapplyMapping: (connectionId) => previewReapplyMapping(mappingDeps, connectionId),
    backfillStatus: (connectionId) =>
      backfillStatus(
        { runs: backfillRuns, pendingImports: (id) => imports.pendingImports(id) },
        connectionId,
      ),
    syncAshbyNow: (input) => syncAshbyNow({ ...reconcileDeps, inbox, ids }, input),
    reapplyMapping: (input) => reapplyMapping({ ...mappingDeps, imports }, input),
  } satisfies Partial<HttpServices>;

  return {
    services,
    connections,
    inboxDeps,
    importDeps,
    imports,
    jobs: [
      importApplicationHandler(importDeps),
      candidateEventHandler(inboxDeps),
      reconcileAshbyHandler({ ...reconcileDeps, schedule, intervalMs: config.reconcileIntervalMs }),
    ],
    /** The Ashby instance of a connection's key, or undefined when the connection is gone. */
    sourceOf,
    fileUrlFor: async (connectionId: string, fileHandle: string) =>
      (await sourceOf(connectionId))?.fileUrl(fileHandle),
    backfillAshby: (input: BackfillInput, onProgress?: (p: BackfillProgress) => void | Promise<void>) =>
      backfillAshby({ gatewayFor: sourceOf, queue: imports, clock }, input, onProgress),
    /** A backfill from the API: its progress is kept for the admin app's progress bar. */
    trackedBackfill: (input: BackfillInput & { actor: Actor }) =>
      trackedBackfill({ runs: backfillRuns, clock }, input, (i, onProgress) =>
        backfillAshby({ gatewayFor: sourceOf, queue: imports, clock }, i, onProgress),
      ),
    /** Reconciles one connection now (the `ashby reconcile` command); undefined when it does not exist. */
    reconcileAshby: (connectionId: string) => reconcileAshby(reconcileDeps, { connectionId }),
    /** Makes sure every connection has a reconciliation waiting (at server start; a no-op when one waits). */
    scheduleReconciles: async () => {
      for (const connection of await connections.list()) await schedule.schedule(connection.id, clock.now());
    },
  };
}
