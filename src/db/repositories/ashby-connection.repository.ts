import type { Kysely } from 'kysely';
import { preparedQuery } from '../prepared-query.js';
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

/**
 * Notes that a delivery arrived, at minute resolution (as API tokens record their use): a write only
 * when the stored time is a minute old. Writing it on every delivery cost a write per request and, on
 * PostgreSQL, a lock on the connection's row held to commit, which made concurrent deliveries of one
 * connection wait for each other's commits (measured in bench/: about 3x the intake rate without it).
 */
export async function touchConnectionDelivery(db: Kysely<Database>, id: string, at: number): Promise<void> {
  await updateLastDelivery(db, { id, at, before: at - 60_000 });
}

// Compiled once (see prepared-query.ts): it runs on the webhook intake's path.
const updateLastDelivery = preparedQuery(['id', 'at', 'before'], (db, p) =>
  db
    .updateTable('ashby_connections')
    .set({ last_delivery_at: p.at })
    .where('id', '=', p.id)
    .where((eb) => eb.or([eb('last_delivery_at', 'is', null), eb('last_delivery_at', '<', p.before)])),
);
