import type { Selectable } from 'kysely';

/** Departments and locations share a shape: created on first use, matched by Ashby id, then by name. */
export interface OrgUnitTable {
  id: string;
  name: string;
  /** normalizeName(name): case, accents and spacing folded, for fallback matching. */
  name_key: string;
  ashby_id: string | null;
  created_at: number;
}
export type OrgUnitRow = Selectable<OrgUnitTable>;

export interface MemberTable {
  id: string;
  /** JSON: field values by key (canonical and custom). */
  fields: string;
  name_key: string;
  personal_email_key: string | null;
  work_email_key: string | null;
  department_id: string | null;
  location_id: string | null;
  manager_id: string | null;
  ashby_connection_id: string | null;
  ashby_candidate_id: string | null;
  ashby_application_id: string | null;
  new_hire_id: string | null;
  created_at: number;
  updated_at: number;
}
export type MemberRow = Selectable<MemberTable>;

export interface MemberUpdateTable {
  id: string;
  member_id: string;
  new_hire_id: string;
  /** JSON: { field: { from, to } } from a later Ashby change. */
  changes: string;
  status: 'pending' | 'accepted' | 'rejected';
  created_at: number;
  decided_at: number | null;
  decided_by: string | null;
}
export type MemberUpdateRow = Selectable<MemberUpdateTable>;

/** One change people made to a member in the directory. */
export interface MemberHistoryTable {
  id: string;
  member_id: string;
  at: number;
  actor: string;
  /** edited, archived, offboarded, reactivated */
  kind: string;
  /** JSON: { field: { from, to } } */
  changes: string;
}
export type MemberHistoryRow = Selectable<MemberHistoryTable>;
