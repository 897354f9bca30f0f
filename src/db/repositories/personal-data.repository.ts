import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';

/** The JSON columns that hold field values by field key, with the seal context of each row. */
export const PERSONAL_DATA_COLUMNS = [
  { table: 'new_hires', column: 'fields', context: 'new_hires.fields' },
  { table: 'new_hire_history', column: 'changes', context: 'new_hire_history.changes' },
  { table: 'members', column: 'fields', context: 'members.fields' },
  { table: 'member_updates', column: 'changes', context: 'member_updates.changes' },
  { table: 'member_history', column: 'changes', context: 'member_history.changes' },
] as const;

export type PersonalDataColumn = (typeof PERSONAL_DATA_COLUMNS)[number];

// The five tables share `id` and one JSON text column; Kysely cannot type a table chosen at run time,
// so the builder is narrowed to one of them (the queries are the same for each).
type AnyTable = Kysely<Record<string, { id: string; value: string }>>;

/** One page of (id, JSON) of a column, in id order after `afterId`. */
export function readJsonPage(
  db: Kysely<Database>,
  where: PersonalDataColumn,
  afterId: string,
  limit: number,
): Promise<{ id: string; value: string }[]> {
  return (db as unknown as AnyTable)
    .selectFrom(where.table)
    .select(['id', `${where.column} as value` as 'value'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function writeJson(
  db: Kysely<Database>,
  where: PersonalDataColumn,
  id: string,
  value: string,
): Promise<void> {
  await (db as unknown as AnyTable)
    .updateTable(where.table)
    .set({ [where.column]: value })
    .where('id', '=', id)
    .execute();
}

/** Every stored mapping spec (all revisions): the keys any of them marks sensitive stay sealed. */
export async function readAllMappingSpecs(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('connection_mappings').select('spec').execute();
  return rows.map((r) => r.spec);
}
