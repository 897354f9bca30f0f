import type { Kysely } from 'kysely';
import type { AshbySyncStore, ReconcileSchedule } from '../../core/ports/ashby-sync-store.js';
import type { Clock } from '../../core/ports/clock.js';
import type { IdGenerator } from '../../core/ports/id-generator.js';
import { findSyncState, saveSyncState } from '../../db/repositories/ashby-sync-state.repository.js';
import type { Database } from '../../db/tables/database.js';
import { reconcileAshbyJob, reconcileUniqueKey } from '../../jobs/reconcile-ashby.job.js';
import { enqueue } from '../../queue/enqueue.js';

export function ashbySyncStore(db: Kysely<Database>, clock: Clock): AshbySyncStore {
  return {
    load: async (connectionId) => {
      const row = await findSyncState(db, connectionId);
      return (
        row && {
          syncToken: row.application_sync_token ?? null,
          syncedAt: row.applications_synced_at ?? null,
          connectedAt: row.created_at,
        }
      );
    },
    save: (connectionId, state) => saveSyncState(db, connectionId, state, clock.now()),
  };
}

/** The unique key keeps one waiting run per connection; queuing while one waits changes nothing. */
export function reconcileSchedule(
  db: Kysely<Database>,
  clock: Clock,
  ids: IdGenerator,
  onEnqueued: () => void,
): ReconcileSchedule {
  return {
    schedule: async (connectionId, runAt) => {
      const { inserted } = await enqueue(
        db,
        { clock, ids },
        reconcileAshbyJob,
        { connectionId },
        {
          uniqueKey: reconcileUniqueKey(connectionId),
          runAt,
        },
      );
      if (inserted) onEnqueued();
    },
  };
}
