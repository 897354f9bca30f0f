import type { Kysely } from 'kysely';
import type { ConnectionMappingRow, ConnectionMappingTable } from '../tables/connection-mapping.table.js';
import type { Database } from '../tables/database.js';

export function findLatestMapping(
  db: Kysely<Database>,
  connectionId: string,
): Promise<ConnectionMappingRow | undefined> {
  return db
    .selectFrom('connection_mappings')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** False when the (connection, revision) row already exists; the existing row is left as it was. */
export async function insertMappingRevision(
  db: Kysely<Database>,
  row: ConnectionMappingTable,
): Promise<boolean> {
  const inserted = await db
    .insertInto('connection_mappings')
    .values(row)
    .onConflict((oc) => oc.columns(['connection_id', 'revision']).doNothing())
    .returning('revision')
    .executeTakeFirst();
  return inserted !== undefined;
}
