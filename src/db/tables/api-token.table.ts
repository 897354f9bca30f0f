import type { Insertable, Selectable } from 'kysely';

export interface ApiTokenTable {
  id: string;
  name: string;
  role: 'admin' | 'inbox';
  /** SHA-256 hex of the token; the token itself is never stored. */
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  /** The user who created it; null when made on the command line. */
  user_id: string | null;
}

export type ApiTokenRow = Selectable<ApiTokenTable>;
export type NewApiTokenRow = Insertable<ApiTokenTable>;
