import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type {
  OpeningSyncRunRow,
  OpeningSyncRunTable,
  OpeningSyncSettingsTable,
  PositionOpeningTable,
} from '../tables/position.table.js';

/** The connection and its settings row, if any: undefined when the connection does not exist. */
export function findSettingsRow(db: Kysely<Database>, connectionId: string) {
  return db
    .selectFrom('ashby_connections as c')
    .leftJoin('opening_sync_settings as s', 's.connection_id', 'c.id')
    .select(['c.id', 's.enabled', 's.custom_fields', 's.field_ids'])
    .where('c.id', '=', connectionId)
    .executeTakeFirst();
}

export async function upsertSettingsRow(
  db: Kysely<Database>,
  row: Omit<OpeningSyncSettingsTable, 'field_ids'>,
): Promise<void> {
  const { connection_id, ...values } = row;
  await db
    .insertInto('opening_sync_settings')
    .values({ connection_id, field_ids: '{}', ...values })
    .onConflict((oc) => oc.column('connection_id').doUpdateSet(values))
    .execute();
}

export async function updateFieldIds(
  db: Kysely<Database>,
  connectionId: string,
  fieldIds: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('opening_sync_settings')
    .set({ field_ids: fieldIds, updated_at: at })
    .where('connection_id', '=', connectionId)
    .execute();
}

export async function enabledConnectionIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('opening_sync_settings')
    .select('connection_id')
    .where('enabled', '=', 1)
    .execute();
  return rows.map((r) => r.connection_id);
}

export function listOpeningLinks(
  db: Kysely<Database>,
  connectionId: string,
): Promise<PositionOpeningTable[]> {
  return db.selectFrom('position_openings').selectAll().where('connection_id', '=', connectionId).execute();
}

export function findLinkByOpening(db: Kysely<Database>, connectionId: string, openingId: string) {
  return db
    .selectFrom('position_openings')
    .select('position_id')
    .where('connection_id', '=', connectionId)
    .where('opening_id', '=', openingId)
    .executeTakeFirst();
}

export function findLinkByPosition(db: Kysely<Database>, positionId: string) {
  return db
    .selectFrom('position_openings')
    .select('opening_id')
    .where('position_id', '=', positionId)
    .executeTakeFirst();
}

export async function upsertOpeningLink(db: Kysely<Database>, row: PositionOpeningTable): Promise<void> {
  const values = {
    opening_id: row.opening_id,
    pushed_revision: row.pushed_revision,
    closed: row.closed,
    updated_at: row.updated_at,
  };
  await db
    .insertInto('position_openings')
    .values(row)
    .onConflict((oc) => oc.columns(['connection_id', 'position_id']).doUpdateSet(values))
    .execute();
}

/** Inserts the run, or resets it when a retried job starts it again. */
export async function upsertRunRow(db: Kysely<Database>, row: OpeningSyncRunTable): Promise<void> {
  const values = {
    status: row.status,
    created: row.created,
    updated: row.updated,
    closed: row.closed,
    failed: row.failed,
    errors: row.errors,
    started_at: row.started_at,
    finished_at: row.finished_at,
  };
  await db
    .insertInto('opening_sync_runs')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function updateRunRow(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<OpeningSyncRunTable, 'id' | 'connection_id'>>,
): Promise<void> {
  await db.updateTable('opening_sync_runs').set(changes).where('id', '=', id).execute();
}

export function listRunRows(
  db: Kysely<Database>,
  connectionId: string,
  limit: number,
): Promise<OpeningSyncRunRow[]> {
  return db
    .selectFrom('opening_sync_runs')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
