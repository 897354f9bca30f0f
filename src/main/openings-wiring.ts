import type { Kysely } from 'kysely';
import { actorOf, type Actor, type RecordAudit } from '../app/actor.js';
import { memberLabel } from '../app/add-member.js';
import { importPositions } from '../app/import-positions.js';
import {
  openingSyncStatus,
  requestOpeningSync,
  saveOpeningSyncSettings,
  type OpeningSyncAdminDeps,
} from '../app/opening-sync-settings.js';
import {
  closePosition,
  createPosition,
  getPosition,
  listPositions,
  updatePosition,
  type PositionDeps,
} from '../app/positions.js';
import type { SyncOpeningsDeps } from '../app/sync-openings.js';
import type { Position } from '../core/model/position.js';
import type { AshbyOpenings } from '../core/ports/ashby-openings.js';
import type { Clock } from '../core/ports/clock.js';
import type { CrashPoint } from '../core/ports/crash-point.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import { openingSyncStore } from '../db/repositories/opening-sync.repository.js';
import { positionStore } from '../db/repositories/position.repository.js';
import type { Database } from '../db/tables/database.js';
import type { OpeningServices } from '../http/openings-services.js';
import type { PositionView } from '../app/positions.js';
import { syncOpeningsHandler } from '../jobs/sync-openings.job.js';
import type { RegisteredJob } from '../queue/job-definition.js';
import { openingSyncQueue } from './adapters/opening-sync-queue.js';

export interface OpeningsWiringInput {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly crashPoint: CrashPoint;
  readonly intervalMs: number;
  readonly openingsFor: (connectionId: string) => Promise<AshbyOpenings | undefined>;
  readonly audit: RecordAudit;
  readonly inbox: InboxStore;
  readonly wakeWorkers: () => void;
}

/**
 * Positions and their opening sync to Ashby (PRODUCT.md C10), built apart from container.ts so the
 * composition root only plugs them in: services for the HTTP API and CLI, and the worker's job.
 */
export function createOpeningsWiring(input: OpeningsWiringInput) {
  const { db, clock, ids } = input;
  const store = openingSyncStore(db);
  const queue = openingSyncQueue(db, clock, ids, input.wakeWorkers);
  const positionDeps: PositionDeps = { positions: positionStore(db), clock, ids };
  const syncDeps: SyncOpeningsDeps = {
    openingsFor: input.openingsFor,
    store,
    clock,
    crashPoint: input.crashPoint,
  };
  const adminDeps: OpeningSyncAdminDeps = {
    store,
    openingsFor: input.openingsFor,
    queue,
    clock,
    audit: input.audit,
  };

  const withFilledBy = async (positions: Position[]): Promise<PositionView[]> =>
    input.inbox.read(async (data) => {
      const views: PositionView[] = [];
      for (const p of positions) {
        const member = p.filledByMemberId ? await data.findMember(p.filledByMemberId) : undefined;
        views.push({ ...p, filledBy: member ? { memberId: member.id, name: memberLabel(member) } : null });
      }
      return views;
    });
  const one = async (p: Position) => (await withFilledBy([p]))[0]!;

  const services: OpeningServices = {
    listPositions: async (filter) => withFilledBy(await listPositions(positionDeps, filter)),
    getPosition: async (id) => one(await getPosition(positionDeps, id)),
    createPosition: async ({ position, principal }) =>
      one(await createPosition(positionDeps, { position, actor: actorOf(principal) })),
    updatePosition: async ({ id, changes, principal }) =>
      one(await updatePosition(positionDeps, { id, changes, actor: actorOf(principal) })),
    closePosition: async ({ id, reason, principal }) =>
      one(await closePosition(positionDeps, { id, reason, actor: actorOf(principal) })),
    importPositions: ({ csv, principal }) =>
      importPositions(positionDeps, { csv, actor: actorOf(principal) }),
    saveSyncSettings: ({ principal, ...rest }) =>
      saveOpeningSyncSettings(adminDeps, { ...rest, actor: actorOf(principal) }),
    requestSync: ({ connectionId, principal }) =>
      requestOpeningSync(adminDeps, { connectionId, actor: actorOf(principal) }),
    syncStatus: (connectionId) => openingSyncStatus(adminDeps, { connectionId, limit: 10 }),
  };

  return {
    services,
    positionDeps,
    /** The worker's opening sync job. */
    jobs: (): RegisteredJob[] => [syncOpeningsHandler({ ...syncDeps, queue, intervalMs: input.intervalMs })],
    /** Makes sure every connection with opening sync on has a run waiting (at server start). */
    scheduleAll: async () => {
      for (const connectionId of await store.enabledConnections())
        await queue.schedule(connectionId, clock.now());
    },
    /** Sync now from the CLI, and the run it answers (for --wait). */
    requestSync: (connectionId: string, actor: Actor) =>
      requestOpeningSync(adminDeps, { connectionId, actor }),
    /**
     * The first run of a connection that started at or after `since` and has finished, or undefined.
     * Waiting for "a run that began after I asked" rather than for one run id: when a crashed run's lease
     * expires, the queue merges the waiting run into it, so the run that does the work may have another id.
     */
    finishedRunSince: async (connectionId: string, since: number) =>
      (await store.listRuns(connectionId, 20))
        .filter((r) => r.startedAt >= since)
        .reverse()
        .find((r) => r.finishedAt !== null),
  };
}
