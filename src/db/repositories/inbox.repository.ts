import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type {
  AuditLogRow,
  AuditLogTable,
  NewHireHistoryRow,
  NewHireHistoryTable,
  TombstoneRow,
  TombstoneTable,
} from '../tables/inbox.table.js';

export async function insertHistory(db: Kysely<Database>, row: NewHireHistoryTable): Promise<void> {
  await db.insertInto('new_hire_history').values(row).execute();
}

export function listHistory(db: Kysely<Database>, newHireId: string): Promise<NewHireHistoryRow[]> {
  return db
    .selectFrom('new_hire_history')
    .selectAll()
    .where('new_hire_id', '=', newHireId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function deleteHistory(db: Kysely<Database>, newHireId: string): Promise<void> {
  await db.deleteFrom('new_hire_history').where('new_hire_id', '=', newHireId).execute();
}

export function findTombstoneRow(
  db: Kysely<Database>,
  connectionId: string,
  applicationId: string,
): Promise<TombstoneRow | undefined> {
  return db
    .selectFrom('new_hire_tombstones')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}

export async function insertTombstone(db: Kysely<Database>, row: TombstoneTable): Promise<void> {
  await db
    .insertInto('new_hire_tombstones')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deleteTombstone(
  db: Kysely<Database>,
  connectionId: string,
  applicationId: string,
): Promise<void> {
  await db
    .deleteFrom('new_hire_tombstones')
    .where('connection_id', '=', connectionId)
    .where('application_id', '=', applicationId)
    .execute();
}

export async function insertAudit(db: Kysely<Database>, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export function listAuditRows(
  db: Kysely<Database>,
  filter: { limit: number; before?: number },
): Promise<AuditLogRow[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.before !== undefined) query = query.where('at', '<', filter.before);
  return query.execute();
}
