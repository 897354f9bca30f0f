import { sql, type Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type {
  MemberRow,
  MemberTable,
  MemberUpdateRow,
  MemberUpdateTable,
  OrgUnitRow,
  OrgUnitTable,
} from '../tables/directory.table.js';

export type OrgTable = 'departments' | 'locations';

export function findOrgUnitByAshbyId(
  db: Kysely<Database>,
  table: OrgTable,
  ashbyId: string,
): Promise<OrgUnitRow | undefined> {
  return db.selectFrom(table).selectAll().where('ashby_id', '=', ashbyId).executeTakeFirst();
}

export function findOrgUnitByNameKey(
  db: Kysely<Database>,
  table: OrgTable,
  nameKey: string,
): Promise<OrgUnitRow | undefined> {
  return db
    .selectFrom(table)
    .selectAll()
    .where('name_key', '=', nameKey)
    .orderBy('created_at')
    .executeTakeFirst();
}

/** The departments or locations with these ids, in one query (a member list reads each table once). */
export async function findOrgUnits(
  db: Kysely<Database>,
  table: OrgTable,
  ids: readonly string[],
): Promise<OrgUnitRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom(table)
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export async function insertOrgUnit(db: Kysely<Database>, table: OrgTable, row: OrgUnitTable): Promise<void> {
  await db.insertInto(table).values(row).execute();
}

/** Records the Ashby id on a unit first created without one (e.g. by a CSV import). */
export async function setOrgUnitAshbyId(
  db: Kysely<Database>,
  table: OrgTable,
  id: string,
  ashbyId: string,
): Promise<void> {
  await db
    .updateTable(table)
    .set({ ashby_id: ashbyId })
    .where('id', '=', id)
    .where('ashby_id', 'is', null)
    .execute();
}

export function findMemberRow(db: Kysely<Database>, id: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMemberRowByNewHire(
  db: Kysely<Database>,
  newHireId: string,
): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('new_hire_id', '=', newHireId).executeTakeFirst();
}

export function findMemberRowsByIdentity(
  db: Kysely<Database>,
  identity: { candidateId: string | null; emailKeys: readonly string[] },
): Promise<MemberRow[]> {
  return db
    .selectFrom('members')
    .selectAll()
    .where((eb) => {
      const conditions = [];
      if (identity.candidateId !== null) conditions.push(eb('ashby_candidate_id', '=', identity.candidateId));
      if (identity.emailKeys.length > 0) {
        conditions.push(eb('personal_email_key', 'in', identity.emailKeys));
        conditions.push(eb('work_email_key', 'in', identity.emailKeys));
      }
      return conditions.length > 0 ? eb.or(conditions) : eb.val(false);
    })
    .orderBy('created_at')
    .execute();
}

export function findMemberRowsByNameKey(db: Kysely<Database>, nameKey: string): Promise<MemberRow[]> {
  return db.selectFrom('members').selectAll().where('name_key', '=', nameKey).execute();
}

export function searchMemberRows(
  db: Kysely<Database>,
  filter: { nameKeyContains?: string; limit: number },
): Promise<MemberRow[]> {
  let query = db.selectFrom('members').selectAll().orderBy('name_key').orderBy('id').limit(filter.limit);
  if (filter.nameKeyContains) {
    const escaped = filter.nameKeyContains.replace(/[\\%_]/g, (c) => `\\${c}`);
    const pattern = `%${escaped}%`;
    // An explicit ESCAPE: SQLite has no default escape character for LIKE, PostgreSQL uses backslash.
    query = query.where(
      sql<boolean>`(name_key like ${pattern} escape '\\' or personal_email_key like ${pattern} escape '\\' or work_email_key like ${pattern} escape '\\')`,
    );
  }
  return query.execute();
}

/** Inserts unless a member already exists for the same new hire (unique index); true when inserted. */
export async function insertMemberRow(db: Kysely<Database>, row: MemberTable): Promise<boolean> {
  const inserted = await db
    .insertInto('members')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function updateMemberRow(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<MemberTable, 'id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('members').set(changes).where('id', '=', id).execute();
}

export async function insertMemberUpdateRow(db: Kysely<Database>, row: MemberUpdateTable): Promise<void> {
  await db.insertInto('member_updates').values(row).execute();
}

export function findMemberUpdateRow(db: Kysely<Database>, id: string): Promise<MemberUpdateRow | undefined> {
  return db.selectFrom('member_updates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listMemberUpdateRows(db: Kysely<Database>, memberId: string): Promise<MemberUpdateRow[]> {
  return db
    .selectFrom('member_updates')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .execute();
}

/** The pending updates of several members in one query (the directory list's badges). */
export async function listPendingMemberUpdateRows(
  db: Kysely<Database>,
  memberIds: readonly string[],
): Promise<MemberUpdateRow[]> {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom('member_updates')
    .selectAll()
    .where('member_id', 'in', memberIds)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .execute();
}

export async function decideMemberUpdateRow(
  db: Kysely<Database>,
  id: string,
  status: 'accepted' | 'rejected',
  by: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('member_updates')
    .set({ status, decided_by: by, decided_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}
