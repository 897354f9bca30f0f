import type { FieldValue } from '../../core/model/field-value.js';
import type { Member, MemberUpdate, OrgUnit } from '../../core/model/member.js';
import { nameKey } from '../../core/names/name-key.js';
import type { PersonalDataSeal } from '../../core/ports/personal-data-seal.js';
import type {
  MemberRow,
  MemberTable,
  MemberUpdateRow,
  MemberUpdateTable,
  OrgUnitRow,
} from './directory.table.js';

const json = <T>(text: string) => JSON.parse(text) as T;

const emailKey = (value: FieldValue | null | undefined) =>
  typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : null;

export const memberFieldsContext = (id: string) => `members.fields:${id}`;
export const memberUpdateContext = (id: string) => `member_updates.changes:${id}`;
export const memberHistoryContext = (id: string) => `member_history.changes:${id}`;

/**
 * The members columns derived from the field values: the fields (sensitive values sealed for row `id`)
 * and the search and match keys, which stay plaintext (names and emails are never sealed).
 */
export function memberFieldColumns(fields: Member['fields'], seal: PersonalDataSeal, id: string) {
  return {
    fields: JSON.stringify(seal.sealMap(fields, memberFieldsContext(id))),
    name_key: nameKey(
      [fields['firstName'], fields['middleName'], fields['lastName']]
        .filter((v) => typeof v === 'string')
        .join(' '),
    ),
    personal_email_key: emailKey(fields['personalEmail']),
    work_email_key: emailKey(fields['workEmail']),
  } satisfies Partial<MemberTable>;
}

/** The one row codec of `members`. */
export const memberRow = (m: Member, seal: PersonalDataSeal): MemberTable => ({
  id: m.id,
  ...memberFieldColumns(m.fields, seal, m.id),
  department_id: m.department?.id ?? null,
  location_id: m.location?.id ?? null,
  manager_id: m.managerId,
  ashby_connection_id: m.ashby?.connectionId ?? null,
  ashby_candidate_id: m.ashby?.candidateId ?? null,
  ashby_application_id: m.ashby?.applicationId ?? null,
  new_hire_id: m.newHireId,
  created_at: m.createdAt,
  updated_at: m.updatedAt,
});

export const toOrgUnit = (row: OrgUnitRow): OrgUnit => ({
  id: row.id,
  name: row.name,
  ashbyId: row.ashby_id,
});

/** A member from its row and its department and location, read beforehand (one query each per list). */
export function toMember(
  row: MemberRow,
  units: { department: OrgUnit | null; location: OrgUnit | null },
  seal: PersonalDataSeal,
): Member {
  return {
    id: row.id,
    fields: seal.openMap(json(row.fields), memberFieldsContext(row.id)),
    department: units.department,
    location: units.location,
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
  };
}

export const memberUpdateRow = (u: MemberUpdate, seal: PersonalDataSeal): MemberUpdateTable => ({
  id: u.id,
  member_id: u.memberId,
  new_hire_id: u.newHireId,
  changes: JSON.stringify(seal.sealMap(u.changes, memberUpdateContext(u.id))),
  status: u.status,
  created_at: u.createdAt,
  decided_at: u.decidedAt,
  decided_by: u.decidedBy,
});

export const toMemberUpdate = (row: MemberUpdateRow, seal: PersonalDataSeal): MemberUpdate => ({
  id: row.id,
  memberId: row.member_id,
  newHireId: row.new_hire_id,
  changes: seal.openMap(json(row.changes), memberUpdateContext(row.id)),
  status: row.status,
  createdAt: row.created_at,
  decidedAt: row.decided_at,
  decidedBy: row.decided_by,
});
