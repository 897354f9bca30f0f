import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type { NewHireRow, NewHireTable } from '../tables/new-hire.table.js';

export function findNewHireByApplication(
  db: Kysely<Database>,
  connectionId: string,
  applicationId: string,
): Promise<NewHireRow | undefined> {
  return db
    .selectFrom('new_hires')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}

export function findNewHire(db: Kysely<Database>, id: string): Promise<NewHireRow | undefined> {
  return db.selectFrom('new_hires').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Inserts the new hire of an application, or returns false when one already exists: the unique index
 * on (connection, application) decides, so two concurrent imports cannot create two.
 */
export async function insertNewHireOnce(db: Kysely<Database>, row: NewHireTable): Promise<boolean> {
  const inserted = await db
    .insertInto('new_hires')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function updateNewHire(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<NewHireTable, 'id' | 'connection_id' | 'application_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('new_hires').set(changes).where('id', '=', id).execute();
}

export function listNewHires(
  db: Kysely<Database>,
  filter: { status?: NewHireTable['status']; connectionId?: string; limit: number },
): Promise<NewHireRow[]> {
  let query = db
    .selectFrom('new_hires')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.connectionId) query = query.where('connection_id', '=', filter.connectionId);
  return query.execute();
}
