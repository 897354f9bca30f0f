import type { Kysely } from 'kysely';
import type { AshbySyncStore } from '../../core/ports/ashby-sync-store.js';
import type { Clock } from '../../core/ports/clock.js';
import { findSyncState, saveSyncState } from '../repositories/ashby-sync-state.repository.js';
import type { Database } from '../tables/database.js';

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
