import type { Kysely } from 'kysely';
import type { FieldValue } from '../../core/model/field-value.js';
import type { AuditEntry, Member, MemberUpdate, OrgUnit } from '../../core/model/member.js';
import type { HistoryEntry, NewHire } from '../../core/model/new-hire.js';
import { nameKey } from '../../core/names/name-key.js';
import type { InboxData, InboxStore } from '../../core/ports/inbox-store.js';
import {
  decideMemberUpdateRow,
  findMemberRow,
  findMemberRowByNewHire,
  findMemberRowsByIdentity,
  findMemberRowsByNameKey,
  findMemberUpdateRow,
  findOrgUnit,
  findOrgUnitByAshbyId,
  findOrgUnitByNameKey,
  insertMemberRow,
  insertMemberUpdateRow,
  insertOrgUnit,
  listMemberUpdateRows,
  listPendingMemberUpdateRows,
  searchMemberRows,
  setOrgUnitAshbyId,
  updateMemberRow,
} from '../../db/repositories/directory.repository.js';
import {
  deleteHistory,
  deleteTombstone,
  findTombstoneRow,
  insertAudit,
  insertHistory,
  insertTombstone,
  listAuditRows,
  listHistory,
} from '../../db/repositories/inbox.repository.js';
import {
  findNewHire,
  findNewHireByApplication,
  insertNewHireOnce,
  listNewHires,
  updateNewHire,
} from '../../db/repositories/new-hire.repository.js';
import { markDeliveriesProcessed } from '../../db/repositories/webhook-delivery.repository.js';
import type { Database } from '../../db/tables/database.js';
import type { MemberRow, MemberUpdateRow, OrgUnitRow } from '../../db/tables/directory.table.js';
import type { NewHireRow } from '../../db/tables/new-hire.table.js';

const json = <T>(text: string) => JSON.parse(text) as T;

export function toNewHire(row: NewHireRow): NewHire {
  return {
    id: row.id,
    connectionId: row.connection_id,
    applicationId: row.application_id,
    candidateId: row.candidate_id,
    offerId: row.offer_id,
    status: row.status,
    fields: json(row.fields),
    missingRequired: json(row.missing_required),
    editedFields: json(row.edited_fields),
    memberId: row.member_id,
    ashbyRefs: {
      departmentId: null,
      locationId: null,
      hiringManagerUserId: null,
      ...json<object>(row.ashby_refs),
    },
    importedAt: row.imported_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const orgUnit = (row: OrgUnitRow | undefined): OrgUnit | null =>
  row ? { id: row.id, name: row.name, ashbyId: row.ashby_id } : null;

const emailKey = (value: FieldValue | null | undefined) =>
  typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : null;

function memberNameKey(fields: Member['fields']): string {
  return nameKey(
    [fields['firstName'], fields['middleName'], fields['lastName']]
      .filter((v) => typeof v === 'string')
      .join(' '),
  );
}

function toUpdate(row: MemberUpdateRow): MemberUpdate {
  return {
    id: row.id,
    memberId: row.member_id,
    newHireId: row.new_hire_id,
    changes: json(row.changes),
    status: row.status,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
  };
}

/** The documents and notifications parts of InboxData, built over the same handle (see container.ts). */
export type InboxExtras = (db: Kysely<Database>) => Pick<InboxData, 'documents' | 'notifications'>;
/** Every in-transaction part of InboxData that lives outside this file (documents, notifications, positions). */
export type InboxDataExtras = (
  db: Kysely<Database>,
) => Pick<InboxData, 'documents' | 'notifications' | 'positions'>;

/** The inbox and directory data operations over one Kysely handle (the database or a transaction). */
function inboxData(db: Kysely<Database>, extras: InboxDataExtras): InboxData {
  const toMember = async (row: MemberRow): Promise<Member> => ({
    id: row.id,
    fields: json(row.fields),
    department: row.department_id ? orgUnit(await findOrgUnit(db, 'departments', row.department_id)) : null,
    location: row.location_id ? orgUnit(await findOrgUnit(db, 'locations', row.location_id)) : null,
    managerId: row.manager_id,
    ashby:
      row.ashby_connection_id && row.ashby_candidate_id && row.ashby_application_id
        ? {
            connectionId: row.ashby_connection_id,
            candidateId: row.ashby_candidate_id,
            applicationId: row.ashby_application_id,
          }
        : null,
    newHireId: row.new_hire_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
  const members = async (rows: MemberRow[]) => Promise.all(rows.map(toMember));
  return {
    ...extras(db),
    findNewHire: async (id) => {
      const row = await findNewHire(db, id);
      return row && toNewHire(row);
    },
    findNewHireByApplication: async (connectionId, applicationId) => {
      const row = await findNewHireByApplication(db, connectionId, applicationId);
      return row && toNewHire(row);
    },
    listNewHires: async (filter) => (await listNewHires(db, filter)).map(toNewHire),
    insertNewHire: (n) =>
      insertNewHireOnce(db, {
        id: n.id,
        connection_id: n.connectionId,
        application_id: n.applicationId,
        candidate_id: n.candidateId,
        offer_id: n.offerId,
        status: n.status,
        fields: JSON.stringify(n.fields),
        missing_required: JSON.stringify(n.missingRequired),
        edited_fields: JSON.stringify(n.editedFields),
        member_id: n.memberId,
        ashby_refs: JSON.stringify(n.ashbyRefs),
        imported_at: n.importedAt,
        created_at: n.createdAt,
        updated_at: n.updatedAt,
      }),
    updateNewHire: (id, c) =>
      updateNewHire(db, id, {
        ...(c.candidateId === undefined ? {} : { candidate_id: c.candidateId }),
        ...(c.offerId === undefined ? {} : { offer_id: c.offerId }),
        ...(c.status === undefined ? {} : { status: c.status }),
        ...(c.fields === undefined ? {} : { fields: JSON.stringify(c.fields) }),
        ...(c.missingRequired === undefined ? {} : { missing_required: JSON.stringify(c.missingRequired) }),
        ...(c.editedFields === undefined ? {} : { edited_fields: JSON.stringify(c.editedFields) }),
        ...(c.memberId === undefined ? {} : { member_id: c.memberId }),
        ...(c.ashbyRefs === undefined ? {} : { ashby_refs: JSON.stringify(c.ashbyRefs) }),
        ...(c.importedAt === undefined ? {} : { imported_at: c.importedAt }),
        ...(c.updatedAt === undefined ? {} : { updated_at: c.updatedAt }),
      }),
    addHistory: (e: HistoryEntry) =>
      insertHistory(db, {
        id: e.id,
        new_hire_id: e.newHireId,
        at: e.at,
        actor: e.actor,
        kind: e.kind,
        changes: JSON.stringify(e.changes),
      }),
    history: async (newHireId) =>
      (await listHistory(db, newHireId)).map((r) => ({
        id: r.id,
        newHireId: r.new_hire_id,
        at: r.at,
        actor: r.actor,
        kind: r.kind as HistoryEntry['kind'],
        changes: json(r.changes),
      })),
    clearHistory: (newHireId) => deleteHistory(db, newHireId),
    findTombstone: async (connectionId, applicationId) => {
      const row = await findTombstoneRow(db, connectionId, applicationId);
      return (
        row && {
          connectionId: row.connection_id,
          applicationId: row.application_id,
          newHireId: row.new_hire_id,
          deletedBy: row.deleted_by,
          deletedAt: row.deleted_at,
        }
      );
    },
    addTombstone: (t) =>
      insertTombstone(db, {
        connection_id: t.connectionId,
        application_id: t.applicationId,
        new_hire_id: t.newHireId,
        deleted_by: t.deletedBy,
        deleted_at: t.deletedAt,
      }),
    removeTombstone: (connectionId, applicationId) => deleteTombstone(db, connectionId, applicationId),
    markDeliveriesProcessed: async (connectionId, applicationId, outcome, at) => {
      await markDeliveriesProcessed(db, connectionId, applicationId, outcome, at);
    },
    audit: (e: AuditEntry) =>
      insertAudit(db, {
        id: e.id,
        at: e.at,
        actor: e.actor,
        action: e.action,
        target_type: e.targetType,
        target_id: e.targetId,
        details: JSON.stringify(e.details),
      }),
    listAudit: async (filter) =>
      (await listAuditRows(db, filter)).map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        details: json(r.details),
      })),
    findMember: async (id) => {
      const row = await findMemberRow(db, id);
      return row && toMember(row);
    },
    findMemberByNewHire: async (newHireId) => {
      const row = await findMemberRowByNewHire(db, newHireId);
      return row && toMember(row);
    },
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
    insertMember: (m) =>
      insertMemberRow(db, {
        id: m.id,
        fields: JSON.stringify(m.fields),
        name_key: memberNameKey(m.fields),
        personal_email_key: emailKey(m.fields['personalEmail']),
        work_email_key: emailKey(m.fields['workEmail']),
        department_id: m.department?.id ?? null,
        location_id: m.location?.id ?? null,
        manager_id: m.managerId,
        ashby_connection_id: m.ashby?.connectionId ?? null,
        ashby_candidate_id: m.ashby?.candidateId ?? null,
        ashby_application_id: m.ashby?.applicationId ?? null,
        new_hire_id: m.newHireId,
        created_at: m.createdAt,
        updated_at: m.updatedAt,
      }),
    updateMemberFields: (id, fields, at) =>
      updateMemberRow(db, id, {
        fields: JSON.stringify(fields),
        name_key: memberNameKey(fields),
        personal_email_key: emailKey(fields['personalEmail']),
        work_email_key: emailKey(fields['workEmail']),
        updated_at: at,
      }),
    setMemberManager: (id, managerId, at) =>
      updateMemberRow(db, id, { manager_id: managerId, updated_at: at }),
    orgUnit: async (kind, ashbyId, name, newId, at) => {
      const table = kind === 'department' ? 'departments' : 'locations';
      const key = nameKey(name);
      const byAshby = ashbyId ? await findOrgUnitByAshbyId(db, table, ashbyId) : undefined;
      if (byAshby) return { id: byAshby.id, name: byAshby.name, ashbyId: byAshby.ashby_id };
      const byName = await findOrgUnitByNameKey(db, table, key);
      if (byName) {
        if (ashbyId && byName.ashby_id === null) await setOrgUnitAshbyId(db, table, byName.id, ashbyId);
        return { id: byName.id, name: byName.name, ashbyId: byName.ashby_id ?? ashbyId };
      }
      await insertOrgUnit(db, table, {
        id: newId,
        name: name.trim(),
        name_key: key,
        ashby_id: ashbyId,
        created_at: at,
      });
      return { id: newId, name: name.trim(), ashbyId };
    },
    insertMemberUpdate: (u) =>
      insertMemberUpdateRow(db, {
        id: u.id,
        member_id: u.memberId,
        new_hire_id: u.newHireId,
        changes: JSON.stringify(u.changes),
        status: u.status,
        created_at: u.createdAt,
        decided_at: u.decidedAt,
        decided_by: u.decidedBy,
      }),
    findMemberUpdate: async (id) => {
      const row = await findMemberUpdateRow(db, id);
      return row && toUpdate(row);
    },
    memberUpdates: async (memberId) => (await listMemberUpdateRows(db, memberId)).map(toUpdate),
    pendingMemberUpdates: async (memberIds) =>
      (await listPendingMemberUpdateRows(db, memberIds)).map(toUpdate),
    decideMemberUpdate: (id, status, by, at) => decideMemberUpdateRow(db, id, status, by, at),
  };
}

export function inboxStore(db: Kysely<Database>, extras: InboxDataExtras): InboxStore {
  return {
    transaction: (work) => db.transaction().execute((trx) => work(inboxData(trx, extras))),
    read: (work) => work(inboxData(db, extras)),
  };
}
