import type { Actor } from '../app/actor.js';
import { actorOf } from '../app/actor.js';
import { importPositions } from '../app/import-positions.js';
import {
  finishedRunSince,
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
import type { AshbyOpenings } from '../core/ports/ashby-openings.js';
import type { CrashPoint } from '../core/ports/crash-point.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import { openingSyncStore } from '../db/stores/opening-sync-store.js';
import { positionData } from '../db/stores/position-store.js';
import type { OpeningServices } from '../http/openings-services.js';
import { syncOpeningsHandler } from '../jobs/sync-openings.job.js';
import type { Shared } from './shared.js';

/**
 * Positions and their opening sync to Ashby: services for the HTTP API and CLI, and the worker's job.
 */
export function openingsWiring(
  shared: Shared,
  deps: {
    readonly inbox: InboxStore;
    readonly crashPoint: CrashPoint;
    readonly openingsFor: (connectionId: string) => Promise<AshbyOpenings | undefined>;
  },
) {
  const { db, clock, admin, config } = shared;
  const store = openingSyncStore(db);
  // Outside any transaction: the next timed run is queued whatever the current one does.
  const jobs = shared.jobsOn(db, { afterCommit: (fn) => fn() });
  const positionDeps: PositionDeps = { ...admin, positions: positionData(db), inbox: deps.inbox };
  const adminDeps: OpeningSyncAdminDeps = { ...admin, store, openingsFor: deps.openingsFor };

  const services: OpeningServices = {
    listPositions: (filter) => listPositions(positionDeps, filter),
    getPosition: (id) => getPosition(positionDeps, id),
    createPosition: ({ position, principal }) =>
      createPosition(positionDeps, { position, actor: actorOf(principal) }),
    updatePosition: ({ id, changes, principal }) =>
      updatePosition(positionDeps, { id, changes, actor: actorOf(principal) }),
    closePosition: ({ id, reason, principal }) =>
      closePosition(positionDeps, { id, reason, actor: actorOf(principal) }),
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
    jobs: [
      syncOpeningsHandler({
        openingsFor: deps.openingsFor,
        store,
        clock,
        crashPoint: deps.crashPoint,
        jobs,
        intervalMs: config.openingSyncIntervalMs,
      }),
    ],
    /** Makes sure every connection with opening sync on has a run waiting (at server start). */
    scheduleAll: async () => {
      for (const connectionId of await store.enabledConnections())
        await jobs.schedule('openings.sync', { connectionId }, clock.now());
    },
    /** Sync now from the CLI. */
    requestSync: (connectionId: string, actor: Actor) =>
      requestOpeningSync(adminDeps, { connectionId, actor }),
    finishedRunSince: (connectionId: string, since: number) =>
      finishedRunSince({ store }, connectionId, since),
  };
}
