import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type { MemberHistoryRow, MemberHistoryTable } from '../tables/directory.table.js';

export async function insertMemberHistoryRow(db: Kysely<Database>, row: MemberHistoryTable): Promise<void> {
  await db.insertInto('member_history').values(row).execute();
}

/** A member's history, newest first. */
export function listMemberHistoryRows(db: Kysely<Database>, memberId: string): Promise<MemberHistoryRow[]> {
  return db
    .selectFrom('member_history')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
