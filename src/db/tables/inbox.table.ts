import type { Selectable } from 'kysely';

export interface NewHireHistoryTable {
  id: string;
  new_hire_id: string;
  at: number;
  actor: string;
  /** imported, ashby_update, edited, added, deleted, restored */
  kind: string;
  /** JSON: { field: { from, to } }, or {} */
  changes: string;
}
export type NewHireHistoryRow = Selectable<NewHireHistoryTable>;

export interface TombstoneTable {
  connection_id: string;
  application_id: string;
  new_hire_id: string;
  deleted_by: string;
  deleted_at: number;
}
export type TombstoneRow = Selectable<TombstoneTable>;

export interface AuditLogTable {
  id: string;
  at: number;
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  details: string;
}
export type AuditLogRow = Selectable<AuditLogTable>;
