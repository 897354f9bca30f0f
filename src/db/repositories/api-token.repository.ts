import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type { ApiTokenRow, NewApiTokenRow } from '../tables/api-token.table.js';

export async function insertApiToken(db: Kysely<Database>, row: NewApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export function findActiveTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function listApiTokens(db: Kysely<Database>): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().orderBy('created_at').execute();
}

export async function revokeApiToken(db: Kysely<Database>, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records use at minute resolution, so authenticated reads do not each cost a write (and an fsync). */
export async function touchApiToken(db: Kysely<Database>, id: string, now: number): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', now - 60_000)]))
    .execute();
}

export async function revokeUserApiTokens(db: Kysely<Database>, userId: string, now: number): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
