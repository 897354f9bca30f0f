import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type { UserRow, UserTable } from '../tables/notification.table.js';

export async function insertUserOnce(db: Kysely<Database>, row: Insertable<UserTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('users')
    .values(row)
    .onConflict((oc) => oc.column('email_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findUserRow(
  db: Kysely<Database>,
  by: { id: string } | { emailKey: string },
): Promise<UserRow | undefined> {
  const query = db.selectFrom('users').selectAll();
  return (
    'id' in by ? query.where('id', '=', by.id) : query.where('email_key', '=', by.emailKey)
  ).executeTakeFirst();
}

export function listUserRows(db: Kysely<Database>, ids?: readonly string[]): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id');
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', [...ids]);
  }
  return query.execute();
}

export async function updateUserRow(
  db: Kysely<Database>,
  id: string,
  change: Partial<Pick<UserTable, 'name' | 'role' | 'password_hash'>>,
): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await db.updateTable('users').set(change).where('id', '=', id).execute();
}

export async function anyUserWithPassword(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('password_hash', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes the row locks of every admin (PostgreSQL; SQLite transactions here begin IMMEDIATE and so hold
 * the write lock already) by a no-op update, so a role change counting admins next waits for a
 * concurrent one and then sees its result.
 */
export async function lockAdminRows(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ role: eb.ref('role') }))
    .where('role', '=', 'admin')
    .execute();
}

export async function countOtherSignedUpAdmins(db: Kysely<Database>, exceptUserId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin')
    .where('password_hash', 'is not', null)
    .where('deactivated_at', 'is', null)
    .where('id', '<>', exceptUserId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function setUserDeactivatedAt(
  db: Kysely<Database>,
  id: string,
  at: number | null,
): Promise<void> {
  await db.updateTable('users').set({ deactivated_at: at }).where('id', '=', id).execute();
}

export async function deactivatedUserRows(
  db: Kysely<Database>,
): Promise<{ id: string; deactivated_at: number | null }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'deactivated_at'])
    .where('deactivated_at', 'is not', null)
    .execute();
}
