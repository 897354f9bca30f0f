import type { Kysely } from 'kysely';
import type { AshbySyncStateRow } from '../tables/ashby-sync-state.table.js';
import type { Database } from '../tables/database.js';

/** The connection's creation time with its sync state (null columns before the first sync), or undefined. */
export function findSyncState(
  db: Kysely<Database>,
  connectionId: string,
): Promise<
  | (Pick<AshbySyncStateRow, 'application_sync_token' | 'applications_synced_at'> & { created_at: number })
  | undefined
> {
  return db
    .selectFrom('ashby_connections as c')
    .leftJoin('ashby_sync_state as s', 's.connection_id', 'c.id')
    .select(['c.created_at', 's.application_sync_token', 's.applications_synced_at'])
    .where('c.id', '=', connectionId)
    .executeTakeFirst();
}

export async function saveSyncState(
  db: Kysely<Database>,
  connectionId: string,
  state: { syncToken: string | null; syncedAt: number },
  now: number,
): Promise<void> {
  const values = {
    application_sync_token: state.syncToken,
    applications_synced_at: state.syncedAt,
    updated_at: now,
  };
  await db
    .insertInto('ashby_sync_state')
    .values({ connection_id: connectionId, ...values })
    .onConflict((oc) => oc.column('connection_id').doUpdateSet(values))
    .execute();
}
