import type { Kysely } from 'kysely';
import type { AshbyConnectionRow, AshbyConnectionTable } from '../tables/ashby-connection.table.js';
import type { Database } from '../tables/database.js';

export async function insertConnection(db: Kysely<Database>, row: AshbyConnectionTable): Promise<void> {
  await db.insertInto('ashby_connections').values(row).execute();
}

export function findConnection(db: Kysely<Database>, id: string): Promise<AshbyConnectionRow | undefined> {
  return db.selectFrom('ashby_connections').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listConnections(db: Kysely<Database>): Promise<AshbyConnectionRow[]> {
  return db.selectFrom('ashby_connections').selectAll().orderBy('created_at').execute();
}

export async function updateConnection(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<AshbyConnectionTable, 'id' | 'created_at' | 'created_by'>>,
): Promise<void> {
  await db.updateTable('ashby_connections').set(changes).where('id', '=', id).execute();
}
