import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type { UserRow, UserTable } from '../tables/notification.table.js';

export async function insertUserOnce(db: Kysely<Database>, row: UserTable): Promise<boolean> {
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
