import type { Selectable } from 'kysely';

export interface DocumentCategoryTable {
  id: string;
  /** 'type' (document types) or 'folder'. */
  kind: string;
  name: string;
  /** Lower-cased, trimmed name: one entry per name in each list. */
  name_key: string;
  created_at: number;
  created_by: string;
}
export type DocumentCategoryRow = Selectable<DocumentCategoryTable>;

export interface ConnectionDocumentSettingsTable {
  connection_id: string;
  /** JSON: DocumentSettings. */
  settings: string;
  updated_at: number;
  updated_by: string;
}

export interface DocumentTable {
  id: string;
  new_hire_id: string;
  member_id: string | null;
  connection_id: string;
  /** offer_letter, resume, candidate_file */
  kind: string;
  category_kind: string;
  category_name: string;
  file_name: string;
  ashby_file_id: string;
  /** Ashby's opaque handle, for file.info. */
  file_handle: string;
  /** pending, stored, failed */
  status: string;
  content_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  blob_key: string | null;
  error: string | null;
  attempts: number;
  created_at: number;
  updated_at: number;
  stored_at: number | null;
}
export type DocumentRow = Selectable<DocumentTable>;
