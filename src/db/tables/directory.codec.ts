import type { FieldValue } from '../../core/model/field-value.js';
import type { Member, MemberUpdate, OrgUnit } from '../../core/model/member.js';
import { nameKey } from '../../core/names/name-key.js';
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

/** The members columns derived from the field values (the search and match keys). */
export function memberFieldColumns(fields: Member['fields']) {
  return {
    fields: JSON.stringify(fields),
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
export const memberRow = (m: Member): MemberTable => ({
  id: m.id,
  ...memberFieldColumns(m.fields),
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
): Member {
  return {
    id: row.id,
    fields: json(row.fields),
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

export const memberUpdateRow = (u: MemberUpdate): MemberUpdateTable => ({
  id: u.id,
  member_id: u.memberId,
  new_hire_id: u.newHireId,
  changes: JSON.stringify(u.changes),
  status: u.status,
  created_at: u.createdAt,
  decided_at: u.decidedAt,
  decided_by: u.decidedBy,
});

export const toMemberUpdate = (row: MemberUpdateRow): MemberUpdate => ({
  id: row.id,
  memberId: row.member_id,
  newHireId: row.new_hire_id,
  changes: json(row.changes),
  status: row.status,
  createdAt: row.created_at,
  decidedAt: row.decided_at,
  decidedBy: row.decided_by,
});
