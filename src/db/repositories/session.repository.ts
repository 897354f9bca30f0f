import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type { SessionRow, SessionTable } from '../tables/sign-in.table.js';

export async function insertSessionRow(db: Kysely<Database>, row: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export function findSessionRow(db: Kysely<Database>, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records activity at `minIntervalMs` resolution, so authenticated reads do not each cost a write. */
export async function touchSessionRow(
  db: Kysely<Database>,
  id: string,
  now: number,
  minIntervalMs: number,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id', '=', id)
    .where('last_seen_at', '<=', now - minIntervalMs)
    .execute();
}

export async function deleteSessionRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteEndedSessionRows(
  db: Kysely<Database>,
  now: number,
  idleMs: number,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - idleMs)]))
    .execute();
}

export async function deleteUserSessionRows(
  db: Kysely<Database>,
  userId: string,
  exceptId: string | undefined,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  await query.execute();
}
