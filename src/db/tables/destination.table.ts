import type { Selectable } from 'kysely';

export interface DestinationTable {
  id: string;
  type: string;
  name: string;
  base_url: string | null;
  /** Sealed by the secret box (context destinations.credentials:<id>). */
  credentials_sealed: string;
  /** 1 or 0 */
  enabled: number;
  /** ok, credentials_refused */
  status: string;
  status_message: string | null;
  /** JSON object: the connector's settings as the admin saved them (`{}`: its defaults). */
  settings: string;
  /** Shared limiter: GCRA theoretical arrival time, epoch ms. */
  rate_next_at: number;
  /** No call before this (epoch ms), set after a 429. */
  paused_until: number;
  created_at: number;
  updated_at: number;
}
export type DestinationRow = Selectable<DestinationTable>;

export interface PushTable {
  id: string;
  member_id: string;
  destination_id: string;
  /** pending, delivered, failed, paused */
  status: string;
  remote_id: string | null;
  revision: number;
  attempts: number;
  last_error: string | null;
  /** JSON array of strings, or null. */
  warnings: string | null;
  delivered_at: number | null;
  /** Epoch ms until which one attempt holds the pair; 0 when free. */
  locked_until: number;
  created_at: number;
  updated_at: number;
}
export type PushRow = Selectable<PushTable>;
