import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../tables/database.js';

/** One named thing an audit entry may point at: `label` is a name, or the fields JSON of a person. */
export interface AuditTargetRow {
  target_type: string;
  id: string;
  label: string;
}

type LabelQuery = SelectQueryBuilder<Database, keyof Database, AuditTargetRow>;

/** Where each target type's name lives. People (new hires, members) are named from their fields. */
const SOURCES: Readonly<Record<string, (db: Kysely<Database>, ids: readonly string[]) => LabelQuery>> = {
  user: (db, ids) =>
    db
      .selectFrom('users')
      .select([sql.lit('user').as('target_type'), 'id', 'name as label'])
      .where('id', 'in', ids),
  api_token: (db, ids) =>
    db
      .selectFrom('api_tokens')
      .select([sql.lit('api_token').as('target_type'), 'id', 'name as label'])
      .where('id', 'in', ids),
  new_hire: (db, ids) =>
    db
      .selectFrom('new_hires')
      .select([sql.lit('new_hire').as('target_type'), 'id', 'fields as label'])
      .where('id', 'in', ids),
  member: (db, ids) =>
    db
      .selectFrom('members')
      .select([sql.lit('member').as('target_type'), 'id', 'fields as label'])
      .where('id', 'in', ids),
  connection: (db, ids) =>
    db
      .selectFrom('ashby_connections')
      .select([sql.lit('connection').as('target_type'), 'id', 'name as label'])
      .where('id', 'in', ids),
  destination: (db, ids) =>
    db
      .selectFrom('destinations')
      .select([sql.lit('destination').as('target_type'), 'id', 'name as label'])
      .where('id', 'in', ids),
  position: (db, ids) =>
    db
      .selectFrom('positions')
      .select([sql.lit('position').as('target_type'), 'id', 'title as label'])
      .where('id', 'in', ids),
};

/**
 * The names of a page's audit targets in one statement (UNION ALL over the tables that hold them), so a
 * page of 100 entries costs one round trip, not one per row. Types without a name are left out.
 */
export async function findAuditTargetRows(
  db: Kysely<Database>,
  targets: readonly { readonly targetType: string; readonly targetId: string }[],
): Promise<AuditTargetRow[]> {
  const idsByType = new Map<string, Set<string>>();
  for (const t of targets) {
    if (!(t.targetType in SOURCES)) continue;
    const ids = idsByType.get(t.targetType) ?? new Set<string>();
    ids.add(t.targetId);
    idsByType.set(t.targetType, ids);
  }
  const parts = [...idsByType].map(([type, ids]) => SOURCES[type]!(db, [...ids]));
  const [first, ...rest] = parts;
  if (!first) return [];
  return rest.reduce((query, part) => query.unionAll(part), first).execute();
}
