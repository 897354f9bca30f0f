import type { Selectable } from 'kysely';

export type NewHireStatus = 'in_review' | 'added' | 'deleted';

/** A hired application's record in the New hires inbox. One per (connection, application). */
export interface NewHireTable {
  id: string;
  connection_id: string;
  application_id: string;
  candidate_id: string;
  offer_id: string | null;
  status: NewHireStatus;
  /** JSON: mapped field values by target key, each with its value, source and any per-field error. */
  fields: string;
  /** JSON: keys of required fields that are still empty. */
  missing_required: string;
  /** JSON: keys a reviewer edited; a later import leaves those alone. */
  edited_fields: string;
  /** The member this new hire became (Add member). */
  member_id: string | null;
  /** JSON: Ashby ids behind the names: { departmentId, locationId, hiringManagerUserId }. */
  ashby_refs: string;
  imported_at: number;
  created_at: number;
  updated_at: number;
}

export type NewHireRow = Selectable<NewHireTable>;
