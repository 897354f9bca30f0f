import { sql, type Kysely } from 'kysely';
import type { AuditFilter } from '../../core/ports/audit-log.js';
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

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A page of the audit log, newest first: the filters of the Audit log page (action or action group,
 * words of the actor, a time window) and the position after the previous page's last entry.
 */
export function listAuditRows(db: Kysely<Database>, filter: AuditFilter): Promise<AuditLogRow[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  const { action, actor, from, to, after } = filter;
  if (action !== undefined) {
    query = query.where((eb) =>
      // A group by its prefix, without LIKE: SQLite's LIKE folds case and PostgreSQL's does not.
      eb.or([
        eb('action', '=', action),
        sql<boolean>`substr(action, 1, ${action.length + 1}) = ${`${action}.`}`,
      ]),
    );
  }
  if (actor !== undefined) {
    // An explicit ESCAPE: SQLite has no default escape character for LIKE, PostgreSQL uses backslash.
    query = query.where(
      sql<boolean>`lower(actor) like ${`%${likeEscaped(actor.toLowerCase())}%`} escape '\\'`,
    );
  }
  if (from !== undefined) query = query.where('at', '>=', from);
  if (to !== undefined) query = query.where('at', '<', to);
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]),
    );
  }
  return query.execute();
}
