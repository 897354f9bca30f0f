import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type { UserInviteRow, UserInviteTable } from '../tables/sign-in.table.js';

export async function insertInviteRow(db: Kysely<Database>, row: UserInviteTable): Promise<void> {
  await db.insertInto('user_invites').values(row).execute();
}

export function findInviteRow(db: Kysely<Database>, tokenHash: string): Promise<UserInviteRow | undefined> {
  return db.selectFrom('user_invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** One conditional update: of two requests using the same link at once, exactly one gets true. */
export async function useInviteRow(db: Kysely<Database>, tokenHash: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('user_invites')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteUnusedInviteRows(
  db: Kysely<Database>,
  purpose: string,
  userId: string | null,
): Promise<void> {
  await db
    .deleteFrom('user_invites')
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('user_id', userId === null ? 'is' : '=', userId)
    .execute();
}
