import type { Kysely } from 'kysely';
import type { PositionStatus } from '../../core/model/position.js';
import type { Database } from '../tables/database.js';
import type { PositionRow, PositionTable } from '../tables/position.table.js';

export async function insertPositionRow(db: Kysely<Database>, row: PositionTable): Promise<void> {
  await db.insertInto('positions').values(row).execute();
}

export function findPositionRow(db: Kysely<Database>, id: string): Promise<PositionRow | undefined> {
  return db.selectFrom('positions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first; every position when no limit is given (the sync reads them all). */
export function listPositionRows(
  db: Kysely<Database>,
  filter: { status?: PositionStatus; limit?: number },
): Promise<PositionRow[]> {
  let query = db.selectFrom('positions').selectAll().orderBy('created_at', 'desc').orderBy('id');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return query.execute();
}

export async function updatePositionRow(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<PositionTable, 'id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('positions').set(changes).where('id', '=', id).execute();
}

export function findPositionByFiller(
  db: Kysely<Database>,
  memberId: string,
): Promise<Pick<PositionRow, 'id'> | undefined> {
  return db
    .selectFrom('positions')
    .select('id')
    .where('filled_by_member_id', '=', memberId)
    .executeTakeFirst();
}
