import type { Selectable } from 'kysely';

/** Open jobs of the directory (migration 0011). */
export interface PositionTable {
  id: string;
  title: string;
  department: string | null;
  location: string | null;
  employment_type: string;
  target_hire_date: string | null;
  target_start_date: string | null;
  /** 0 or 1. */
  recruiting: number;
  requisition_id: string | null;
  description: string;
  ashby_job_id: string | null;
  /** JSON {title: text}. */
  custom_fields: string;
  status: string;
  close_reason: string | null;
  filled_by_member_id: string | null;
  revision: number;
  created_at: number;
  updated_at: number;
}

export interface OpeningSyncSettingsTable {
  connection_id: string;
  enabled: number;
  /** JSON string[]: position custom-field titles chosen for sync. */
  custom_fields: string;
  /** JSON {title: Ashby field id}. */
  field_ids: string;
  updated_at: number;
}

export interface PositionOpeningTable {
  connection_id: string;
  position_id: string;
  opening_id: string;
  pushed_revision: number;
  closed: number;
  updated_at: number;
}

export interface OpeningSyncRunTable {
  id: string;
  connection_id: string;
  status: string;
  created: number;
  updated: number;
  closed: number;
  failed: number;
  /** JSON {positionId, message}[]. */
  errors: string;
  started_at: number;
  finished_at: number | null;
}

export type PositionRow = Selectable<PositionTable>;
export type OpeningSyncRunRow = Selectable<OpeningSyncRunTable>;
