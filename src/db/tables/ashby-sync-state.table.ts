import type { Selectable } from 'kysely';

/** Where the periodic reconciliation of one Ashby connection left off (migration 0004). */
export interface AshbySyncStateTable {
  connection_id: string;
  /** Ashby's syncToken from the last page of the last application.list sync; null before the first. */
  application_sync_token: string | null;
  /** When that sync began (epoch ms, our clock): a full sync looks for hires changed since then. */
  applications_synced_at: number | null;
  updated_at: number;
}

export type AshbySyncStateRow = Selectable<AshbySyncStateTable>;
