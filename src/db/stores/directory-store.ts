import type { Kysely } from 'kysely';
import type { Member, MemberHistoryEntry, OrgUnitKind } from '../../core/model/member.js';
import { insertMemberHistoryRow, listMemberHistoryRows } from '../repositories/member-history.repository.js';
import { nameKey } from '../../core/names/name-key.js';
import type { DirectoryData } from '../../core/ports/directory-store.js';
import type { PersonalDataSeal } from '../../core/ports/personal-data-seal.js';
import {
  decideMemberUpdateRow,
  findMemberRow,
  findMemberRowByNewHire,
  findMemberRowsByIdentity,
  findMemberRowsByNameKey,
  findMemberUpdateRow,
  findOrgUnitByAshbyId,
  findOrgUnitByNameKey,
  findOrgUnits,
  insertMemberRow,
  insertMemberUpdateRow,
  insertOrgUnit,
  listMemberUpdateRows,
  listPendingMemberUpdateRows,
  searchMemberRows,
  setOrgUnitAshbyId,
  updateMemberRow,
  type OrgTable,
} from '../repositories/directory.repository.js';
import type { Database } from '../tables/database.js';
import {
  memberFieldColumns,
  memberHistoryContext,
  memberRow,
  memberUpdateRow,
  toMember,
  toMemberUpdate,
  toOrgUnit,
} from '../tables/directory.codec.js';
import type { MemberRow } from '../tables/directory.table.js';

const tableOf = (kind: OrgUnitKind): OrgTable => (kind === 'department' ? 'departments' : 'locations');

/** The people directory over one handle (the database or a transaction). */
export function directoryData(db: Kysely<Database>, seal: PersonalDataSeal): DirectoryData {
  // Departments and locations of a whole list in one query each, not two per member.
  const members = async (rows: readonly MemberRow[]): Promise<Member[]> => {
    const ids = (pick: (r: MemberRow) => string | null) => rows.flatMap((r) => pick(r) ?? []);
    const [departments, locations] = await Promise.all([
      findOrgUnits(
        db,
        'departments',
        ids((r) => r.department_id),
      ),
      findOrgUnits(
        db,
        'locations',
        ids((r) => r.location_id),
      ),
    ]);
    const byId = new Map([...departments, ...locations].map((u) => [u.id, toOrgUnit(u)]));
    const unit = (id: string | null) => (id === null ? null : (byId.get(id) ?? null));
    return rows.map((r) =>
      toMember(r, { department: unit(r.department_id), location: unit(r.location_id) }, seal),
    );
  };
  const member = async (row: MemberRow | undefined) => (row ? (await members([row]))[0] : undefined);
  return {
    findMember: async (id) => member(await findMemberRow(db, id)),
    findMemberByNewHire: async (newHireId) => member(await findMemberRowByNewHire(db, newHireId)),
    findMembersByIdentity: async ({ candidateId, emails }) =>
      members(
        await findMemberRowsByIdentity(db, {
          candidateId,
          emailKeys: emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''),
        }),
      ),
    findMembersByNameKey: async (key) => members(await findMemberRowsByNameKey(db, key)),
    searchMembers: async ({ query, limit }) =>
      members(
        await searchMemberRows(db, {
          limit,
          ...(query ? { nameKeyContains: nameKey(query) || query.toLowerCase() } : {}),
        }),
      ),
    insertMember: (m) => insertMemberRow(db, memberRow(m, seal)),
    updateMemberFields: (id, fields, at) =>
      updateMemberRow(db, id, { ...memberFieldColumns(fields, seal, id), updated_at: at }),
    setMemberManager: (id, managerId, at) =>
      updateMemberRow(db, id, { manager_id: managerId, updated_at: at }),
    setMemberOrgUnits: (id, units, at) =>
      updateMemberRow(db, id, {
        department_id: units.departmentId,
        location_id: units.locationId,
        updated_at: at,
      }),
    addMemberHistory: (e) =>
      insertMemberHistoryRow(db, {
        id: e.id,
        member_id: e.memberId,
        at: e.at,
        actor: e.actor,
        kind: e.kind,
        changes: JSON.stringify(seal.sealMap(e.changes, memberHistoryContext(e.id))),
      }),
    memberHistory: async (memberId) =>
      (await listMemberHistoryRows(db, memberId)).map((r) => ({
        id: r.id,
        memberId: r.member_id,
        at: Number(r.at),
        actor: r.actor,
        kind: r.kind as MemberHistoryEntry['kind'],
        changes: seal.openMap<MemberHistoryEntry['changes']>(
          JSON.parse(r.changes) as Record<string, unknown>,
          memberHistoryContext(r.id),
        ),
      })),
    findOrgUnitByAshbyId: async (kind, ashbyId) => {
      const row = await findOrgUnitByAshbyId(db, tableOf(kind), ashbyId);
      return row && toOrgUnit(row);
    },
    findOrgUnitByNameKey: async (kind, key) => {
      const row = await findOrgUnitByNameKey(db, tableOf(kind), key);
      return row && toOrgUnit(row);
    },
    setOrgUnitAshbyId: (kind, id, ashbyId) => setOrgUnitAshbyId(db, tableOf(kind), id, ashbyId),
    insertOrgUnit: (kind, u) =>
      insertOrgUnit(db, tableOf(kind), {
        id: u.id,
        name: u.name,
        name_key: u.nameKey,
        ashby_id: u.ashbyId,
        created_at: u.createdAt,
      }),
    insertMemberUpdate: (u) => insertMemberUpdateRow(db, memberUpdateRow(u, seal)),
    findMemberUpdate: async (id) => {
      const row = await findMemberUpdateRow(db, id);
      return row && toMemberUpdate(row, seal);
    },
    memberUpdates: async (memberId) =>
      (await listMemberUpdateRows(db, memberId)).map((r) => toMemberUpdate(r, seal)),
    pendingMemberUpdates: async (memberIds) =>
      (await listPendingMemberUpdateRows(db, memberIds)).map((r) => toMemberUpdate(r, seal)),
    decideMemberUpdate: (id, status, by, at) => decideMemberUpdateRow(db, id, status, by, at),
  };
}
